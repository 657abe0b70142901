import { alreadySentText } from '../../shared/outbox/duplicate-key';
import { xsdUsedBy, type CheckResult } from '../../shared/reports/check-result';
import type { Finding } from '../../shared/reports/finding';
import { formatCount, formatDate, formatKroner, formatMonth, formatOrgNumber } from '../../shared/format';
import { xsdLabel } from '../../shared/reports/xsd-versions';
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
  xsdUsed: { nb: 'Kontrollert mot XSD', en: 'Checked against the XSD' },
} as const;

/** Human-readable text for `innsender validate`: findings grouped by severity, then the summary. */
export function formatCheckResult(result: CheckResult, lang: Lang): string {
  const lines: string[] = [];
  const title = result.kind === 'unreadable' ? T.unreadable[lang] : T[result.kind][lang];
  lines.push(
    `== ${fileList(
      result.files.map((f) => printable(f.path)),
      lang,
    )}`,
    title,
  );
  const xsd = xsdUsedBy(result);
  if (xsd.length) lines.push(`${T.xsdUsed[lang]}: ${xsd.map(xsdLabel).join(', ')}`);
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

/** Names shown in a result's heading: an RF-1086 return of 5,000 forms is named by its first files and a count. */
const LISTED_FILES = 3;

function fileList(names: readonly string[], lang: Lang): string {
  if (names.length <= LISTED_FILES + 1) return names.join(', ');
  const rest = formatCount(names.length - LISTED_FILES, lang);
  const all = formatCount(names.length, lang);
  const more = lang === 'nb' ? `og ${rest} til (${all} filer)` : `and ${rest} more (${all} files)`;
  return `${names.slice(0, LISTED_FILES).join(', ')} ${more}`;
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
      `${nb ? 'Periode' : 'Period'}: ${formatMonth(s.kalendermaaned, lang)}${s.frist ? ` (${nb ? 'frist' : 'deadline'} ${formatDate(s.frist, lang)})` : ''}`,
      `${nb ? 'Opplysningspliktig' : 'Reporting entity'}: ${formatOrgNumber(s.opplysningspliktig)}`,
      `${nb ? 'Virksomheter' : 'Sub-units'}: ${s.virksomheter.map((v) => formatOrgNumber(v.organisasjonsnummer)).join(', ') || '–'}`,
      `${nb ? 'Inntektsmottakere' : 'Income recipients'}: ${formatCount(s.inntektsmottakere, lang)}`,
      `${nb ? 'Inntekt' : 'Income'}: ${formatKroner(s.totals.inntekt, lang)}`,
      `${nb ? 'Forskuddstrekk' : 'Withholding'}: ${formatKroner(s.totals.forskuddstrekk, lang)}`,
      `${nb ? 'Arbeidsgiveravgift' : "Employer's contribution"}: ${formatKroner(s.totals.arbeidsgiveravgift, lang)}`,
      ...s.totals.arbeidsgiveravgiftPerSone.map(
        (z) =>
          `  ${nb ? 'sone' : 'zone'} ${z.sone}: ${nb ? 'grunnlag' : 'base'} ${formatKroner(z.grunnlag, lang)}, ${formatKroner(z.arbeidsgiveravgift, lang)}`,
      ),
    ];
  }
  const s = result.summary;
  if (!s) return [];
  return [
    '',
    `${nb ? 'Selskap' : 'Company'}: ${s.selskap.organisasjonsnummer ? formatOrgNumber(s.selskap.organisasjonsnummer) : '?'} ${s.selskap.navn ?? ''}`.trimEnd(),
    `${nb ? 'Inntektsår' : 'Income year'}: ${s.inntektsaar ?? '?'}`,
    ...s.aksjeklasser.map(
      (c) =>
        `  ${c.aksjeType ?? c.isin ?? '?'}: ${c.antallAksjer === undefined ? '?' : formatCount(c.antallAksjer, lang)} ${nb ? 'aksjer' : 'shares'}, ${formatCount(c.aksjonaerer.length, lang)} ${nb ? 'aksjonærer' : 'shareholders'}, ${nb ? 'utbytte' : 'dividend'} ${formatKroner(c.utbytte, lang)}`,
    ),
    `${nb ? 'Aksjonærer' : 'Shareholders'}: ${formatCount(s.totals.aksjonaerer, lang)}`,
  ];
}
