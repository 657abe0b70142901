import { LEXICAL_PATTERNS, type LeafKind } from './leaf-types';

export type LeafValue = string | number | boolean;

/** Converts XML character data to the model's value for a leaf kind; undefined if it is not of that kind. */
export function leafFromText(raw: string, kind: LeafKind): LeafValue | undefined {
  if (kind === 'string') return raw;
  const value = raw.trim();
  switch (kind) {
    case 'boolean':
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      return undefined;
    case 'integer': {
      if (!LEXICAL_PATTERNS.integer.test(value)) return undefined;
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    default:
      return LEXICAL_PATTERNS[kind].test(value) ? value : undefined;
  }
}

/**
 * Accepts a JSON value for a leaf kind the way Skatteetaten's API reads it: numbers may come as JSON numbers or
 * as JSON strings. Skatteetaten's own example of 19 February 2026 (Skatteetaten/api-dokumentasjon,
 * docs/api/innrapportering-amelding-filopplasting.md, commit d84df40) sends `"pensjonsgrad": "50"` and
 * `"beloep": "-456.0"`, while its version of 17 February sends the same values as numbers. Decimals given as
 * JSON numbers are taken as their shortest string form.
 */
export function leafFromJson(value: unknown, kind: LeafKind): LeafValue | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'integer':
      if (typeof value === 'string') return leafFromText(value, 'integer');
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      return typeof value === 'string' && LEXICAL_PATTERNS.decimal.test(value.trim()) ? value.trim() : undefined;
    default:
      return typeof value === 'string' && LEXICAL_PATTERNS[kind].test(value) ? value : undefined;
  }
}

export function leafToText(value: LeafValue): string {
  return typeof value === 'string' ? value : String(value);
}
