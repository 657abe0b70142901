import { LEXICAL_PATTERNS } from '../../shared/reports/amelding/leaf-types';
import { error, type Finding } from '../../shared/reports/finding';

/**
 * libxml2 (through xmllint-wasm) differs from the XSD specification in two ways that reach the user; this is the
 * one place that mends its findings, after `xsd-validate.ts` has turned xmllint's output into findings.
 *
 * 1. Its messages quote the offending value, and xmllint-wasm splits its output at line breaks: a value holding a
 *    line break became two findings, the second without a line. The parts are joined again into one finding.
 * 2. XSD's built-in date and time types have `whiteSpace="collapse"` (XML Schema Part 2, §3.2.7–3.2.9: "whiteSpace
 *    fixed to collapse"), so `2022-01-01T00:00:00` followed by a line break and indentation is a valid
 *    xs:dateTime. libxml2 refuses it. Skatteetaten's own RF-1086 example (Skatteetaten/api-dokumentasjon,
 *    docs/api/innrapportering-aksjonaerregisteroppgave.md, "Eksempler") is written that way, and Skatteetaten's
 *    validator accepts it, so such a finding is dropped when the collapsed value is valid for the type.
 */
export function mendLibxml2Findings(findings: readonly Finding[], schemaText: string): Finding[] {
  const joined: Finding[] = [];
  for (const finding of findings) {
    const previous = joined[joined.length - 1];
    if (previous && isContinuation(previous, finding)) joined[joined.length - 1] = joinParts(previous, finding);
    else joined.push(finding);
  }
  return joined.filter((f) => !isWhitespaceQuirk(f, schemaText));
}

const PREFIX_EN = /^Does not follow the schema \(XSD\)(?: at line \d+)?: /;

/** libxml2 gives every validity error a location, so a line-less part after an open quote is the rest of it. */
function isContinuation(previous: Finding, next: Finding): boolean {
  if (previous.code !== 'XSD_INVALID' || next.code !== 'XSD_INVALID') return false;
  if (previous.line === undefined || next.line !== undefined) return false;
  return (detailOf(previous).match(/'/g)?.length ?? 0) % 2 === 1;
}

function joinParts(first: Finding, rest: Finding): Finding {
  const detail = `${detailOf(first)}\n${detailOf(rest)}`;
  const line = first.line!;
  return {
    ...error(
      'XSD_INVALID',
      first.path,
      `Følger ikke skjemaet (XSD) på linje ${line}: ${detail}`,
      `Does not follow the schema (XSD) at line ${line}: ${detail}`,
    ),
    line,
    ...(first.file !== undefined ? { file: first.file } : {}),
  };
}

function detailOf(finding: Finding): string {
  return finding.message.en.replace(PREFIX_EN, '');
}

const ATOMIC_VALUE = /^Element '[^']*': '([\s\S]*)' is not a valid value of the atomic type '([^']+)'\.?$/;
const COLLAPSED_TYPES = {
  dateTime: LEXICAL_PATTERNS.dateTime,
  date: LEXICAL_PATTERNS.date,
  gYear: LEXICAL_PATTERNS.year,
  gYearMonth: LEXICAL_PATTERNS.yearMonth,
} as const;

function isWhitespaceQuirk(finding: Finding, schemaText: string): boolean {
  if (finding.code !== 'XSD_INVALID') return false;
  const match = ATOMIC_VALUE.exec(detailOf(finding));
  if (!match) return false;
  const [, value = '', type = ''] = match;
  const collapsed = value.replace(/\s+/g, ' ').trim();
  if (collapsed === value) return false;
  const base = builtInBaseOf(type, schemaText);
  return base !== undefined && COLLAPSED_TYPES[base].test(collapsed) && inRange(collapsed);
}

/** The lexical patterns do not check ranges: 2025-13-01 or 25:00 must stay refused. */
function inRange(value: string): boolean {
  const [, y, m = '01', d = '01'] = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value) ?? [];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return false;
  const time = /T(\d{2}):(\d{2}):(\d{2})/.exec(value);
  return !time || (Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3]) < 60);
}

/**
 * The date/time built-in a type is, or restricts without facets (`<xs:restriction base="xs:dateTime"/>`): a facet
 * such as a pattern could refuse the value for another reason, so such types are left to libxml2.
 */
function builtInBaseOf(type: string, schemaText: string): keyof typeof COLLAPSED_TYPES | undefined {
  const builtIn = /^(?:xsd?:)?(dateTime|date|gYear|gYearMonth)$/.exec(type)?.[1];
  if (builtIn) return builtIn as keyof typeof COLLAPSED_TYPES;
  const escaped = type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const declaration = new RegExp(
    `<xsd?:simpleType name="${escaped}">[\\s\\S]*?<xsd?:restriction base="xsd?:(dateTime|date|gYear|gYearMonth)"\\s*/>\\s*</xsd?:simpleType>`,
  ).exec(schemaText);
  if (!declaration) return undefined;
  // The lazy match must not have run past this type's own declaration into the next one.
  if (/<xsd?:simpleType /.test(declaration[0].slice(1))) return undefined;
  return declaration[1] as keyof typeof COLLAPSED_TYPES;
}
