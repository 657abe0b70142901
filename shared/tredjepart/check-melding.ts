import { error, hasErrors, type Finding } from '../reports/finding';
import type { TredjepartSummary } from './check-result';
import { checkTredjepartRules, type TredjepartRuleContext } from './check-rules';
import { readMelding, type ReadLeveranse } from './leveranse';

export interface CheckedMelding {
  findings: Finding[];
  summary: TredjepartSummary | null;
  valid: boolean;
  leveranser: ReadLeveranse[];
}

/**
 * Every offline check of one melding's JSON text: it parses, it has the envelope (each problem at its path), then
 * the rules. Findings repeated at one path (a leveranse-level purpose seen from each oppgave) are shown once.
 */
export function checkMeldingText(text: string, ctx: TredjepartRuleContext): CheckedMelding {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return invalid([
      error(
        'TREDJEPART_JSON_INVALID',
        '',
        `Filen er ikke gyldig JSON: ${reason}`,
        `The file is not valid JSON: ${reason}`,
      ),
    ]);
  }
  const read = readMelding(json);
  if (!read.ok) {
    return invalid(
      read.problems.map((p) =>
        error(
          'TREDJEPART_STRUCTURE',
          p.path,
          p.path
            ? `Feltet mangler eller har feil type (${p.message}).`
            : 'Filen har ikke formen {"leveranse": …} som Skatteetaten tar imot.',
          p.path
            ? `The field is missing or has the wrong type (${p.message}).`
            : 'The file does not have the {"leveranse": …} shape Skatteetaten takes.',
        ),
      ),
    );
  }
  const { findings, summary } = checkTredjepartRules(read.leveranser, ctx);
  const unique = dedupe(findings);
  return { findings: unique, summary, valid: !hasErrors(unique), leveranser: read.leveranser };
}

function invalid(findings: Finding[]): CheckedMelding {
  return { findings, summary: null, valid: false, leveranser: [] };
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
