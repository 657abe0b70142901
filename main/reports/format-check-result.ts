import { alreadySentText } from '../../shared/outbox/duplicate-key';
import type { CheckResult } from '../../shared/reports/check-result';
import type { Finding } from '../../shared/reports/finding';
import { printable } from '../cli/output';

type Lang = 'nb' | 'en';

const T = {
  errors: { nb: 'Feil', en: 'Errors' },
  warnings: { nb: 'Advarsler', en: 'Warnings' },
  ok: { nb: 'Ingen feil funnet.', en: 'No errors found.' },
  notOk: { nb: 'Rapporten har feil og kan ikke sendes.', en: 'The report has errors and cannot be sent.' },
  unreadable: { nb: 'Kunne ikke lese filen.', en: 'Could not read the file.' },
  amelding: { nb: 'A-melding', en: 'A-melding' },
  rf1086: { nb: 'Aksjonærregisteroppgave (RF-1086)', en: 'Shareholder register return (RF-1086)' },
} as const;

/** Human-readable text for `innsender validate`: findings grouped by severity, then the summary. */
export function formatCheckResult(result: CheckResult, lang: Lang): string {
  const lines: string[] = [];
  const title = result.kind === 'unreadable' ? T.unreadable[lang] : T[result.kind][lang];
  lines.push(`== ${result.files.map((f) => printable(f.path)).join(', ')}`, title);
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  if (errors.length)
    lines.push('', `${T.errors[lang]} (${errors.length}):`, ...errors.map((f) => formatFinding(f, lang)));
  if (warnings.length)
    lines.push('', `${T.warnings[lang]} (${warnings.length}):`, ...warnings.map((f) => formatFinding(f, lang)));
  if (result.kind !== 'unreadable') {
    // Already sent (or on its way) is the answer, ahead of "no errors": there is nothing to send.
    if (result.alreadySent) lines.push('', alreadySentText(result.alreadySent)[lang]);
    lines.push(...(result.alreadySent ? [] : ['']), result.valid ? T.ok[lang] : T.notOk[lang]);
    lines.push(...summaryLines(result, lang));
  }
  return lines.join('\n');
}

function formatFinding(f: Finding, lang: Lang): string {
  const where = [f.file && f.line ? `${printable(f.file)}:${f.line}` : f.line ? `line ${f.line}` : '', f.path]
    .filter(Boolean)
    .join(' ');
  return `  [${f.code}] ${f.message[lang]}${where ? `\n      ${where}` : ''}`;
}

function summaryLines(result: Exclude<CheckResult, { kind: 'unreadable' }>, lang: Lang): string[] {
  const nb = lang === 'nb';
  if (result.kind === 'amelding') {
    const s = result.summary;
    if (!s) return [];
    return [
      '',
      `${nb ? 'Periode' : 'Period'}: ${s.kalendermaaned}${s.frist ? ` (${nb ? 'frist' : 'deadline'} ${s.frist})` : ''}`,
      `${nb ? 'Opplysningspliktig' : 'Reporting entity'}: ${s.opplysningspliktig}`,
      `${nb ? 'Virksomheter' : 'Sub-units'}: ${s.virksomheter.map((v) => v.organisasjonsnummer).join(', ') || '–'}`,
      `${nb ? 'Inntektsmottakere' : 'Income recipients'}: ${s.inntektsmottakere}`,
      `${nb ? 'Inntekt' : 'Income'}: ${s.totals.inntekt} kr`,
      `${nb ? 'Forskuddstrekk' : 'Withholding'}: ${s.totals.forskuddstrekk} kr`,
      `${nb ? 'Arbeidsgiveravgift' : "Employer's contribution"}: ${s.totals.arbeidsgiveravgift} kr`,
      ...s.totals.arbeidsgiveravgiftPerSone.map(
        (z) =>
          `  ${nb ? 'sone' : 'zone'} ${z.sone}: ${nb ? 'grunnlag' : 'base'} ${z.grunnlag} kr, ${z.arbeidsgiveravgift} kr`,
      ),
    ];
  }
  const s = result.summary;
  if (!s) return [];
  return [
    '',
    `${nb ? 'Selskap' : 'Company'}: ${s.selskap.organisasjonsnummer ?? '?'} ${s.selskap.navn ?? ''}`.trimEnd(),
    `${nb ? 'Inntektsår' : 'Income year'}: ${s.inntektsaar ?? '?'}`,
    ...s.aksjeklasser.map(
      (c) =>
        `  ${c.aksjeType ?? c.isin ?? '?'}: ${c.antallAksjer ?? '?'} ${nb ? 'aksjer' : 'shares'}, ${c.aksjonaerer.length} ${nb ? 'aksjonærer' : 'shareholders'}, ${nb ? 'utbytte' : 'dividend'} ${c.utbytte} kr`,
    ),
    `${nb ? 'Aksjonærer' : 'Shareholders'}: ${s.totals.aksjonaerer}`,
  ];
}
