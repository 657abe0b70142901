import { formatOrgNumber } from '../../shared/format';
import type { CheckResult } from '../../shared/reports/check-result';
import type { RoutedReports } from '../../shared/reports/report-routing';
import { schemeById } from '../../shared/tredjepart/schemes';
import { printable } from '../cli/output';

type Lang = 'nb' | 'en';

const T = {
  client: { nb: 'klient', en: 'client' },
  profile: { nb: 'profil', en: 'profile' },
  ready: { nb: 'klar', en: 'ready' },
  errors: { nb: 'feil', en: 'errors' },
  warnings: { nb: 'advarsler', en: 'warnings' },
  undecided: {
    nb: (schemes: string) => `passer flere ordninger (${schemes}): velg med --scheme`,
    en: (schemes: string) => `fits several schemes (${schemes}): choose with --scheme`,
  },
  unknownFirm: { nb: 'Ikke klient', en: 'Not a client' },
  unknownProfiles: { nb: 'Ingen profil for', en: 'No profile for' },
  unreadable: { nb: 'Kunne ikke leses', en: 'Could not be read' },
  kind: {
    amelding: { nb: 'a-melding', en: 'a-melding' },
    rf1086: { nb: 'RF-1086', en: 'RF-1086' },
    tredjepart: { nb: 'tredjepartsopplysninger', en: 'third-party information' },
    unreadable: { nb: 'uleselig', en: 'unreadable' },
  },
  nothing: { nb: 'Ingen filer å fordele.', en: 'No files to route.' },
} as const;

/**
 * The routing table of `innsender validate --route`: per client (or profile) its files and verdicts, then the
 * organisations that are none of them, then the unreadable files with their reason. Findings in full come from
 * `innsender validate <file>` without `--route`, or from `--json`.
 */
export function formatRoutedReports(routed: RoutedReports, lang: Lang): string {
  const lines: string[] = [];
  for (const group of routed.groups) {
    const { target } = group;
    lines.push(`== ${target.name} (${formatOrgNumber(target.orgNumber)}), ${T[target.kind][lang]}`);
    for (const { result } of group.checks)
      lines.push(`  ${files(result)}  ${T.kind[result.kind][lang]}  ${verdict(result, lang)}`);
    for (const file of group.tredjepart) {
      const kind = T.kind.tredjepart[lang];
      lines.push(
        file.check
          ? `  ${printable(file.name)}  ${kind}, ${schemeById(file.check.result.scheme).title[lang]}  ${verdict(file.check.result, lang)}`
          : `  ${printable(file.name)}  ${kind}  ${T.undecided[lang](file.candidates.join(', '))}`,
      );
    }
  }
  for (const unknown of routed.unknown) {
    const label = routed.firm ? T.unknownFirm : T.unknownProfiles;
    lines.push(`== ${label[lang]}: ${formatOrgNumber(unknown.orgNumber)}`);
    for (const file of unknown.files) lines.push(`  ${printable(file.name)}  ${T.kind[file.kind][lang]}`);
  }
  if (routed.unreadable.length) lines.push(`== ${T.unreadable[lang]}`);
  for (const { result } of routed.unreadable)
    lines.push(`  ${files(result)}: ${result.findings[0]?.message[lang] ?? ''}`);
  return lines.length ? lines.join('\n') : T.nothing[lang];
}

/**
 * 0: every routed report and tredjepart file is checked and free of errors; 1: errors, a tredjepart file whose scheme
 * is not chosen, or files for an organisation that is no target; 2: unreadable.
 */
export function routedExitCode(routed: RoutedReports): 0 | 1 | 2 {
  if (routed.unreadable.length) return 2;
  const errors = routed.groups.some(
    (g) => g.checks.some((c) => !c.result.valid) || g.tredjepart.some((t) => !t.check?.result.valid),
  );
  return errors || routed.unknown.length ? 1 : 0;
}

function files(result: CheckResult): string {
  return result.files.map((f) => printable(f.path)).join(', ');
}

function verdict(result: Pick<CheckResult, 'valid' | 'findings'>, lang: Lang): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const head = result.valid ? T.ready[lang] : `${errors} ${T.errors[lang]}`;
  return warnings ? `${head}, ${warnings} ${T.warnings[lang]}` : head;
}
