import type { Language } from '../../shared/domain/localized';
import type { Reconciliation } from '../../shared/avstemming/reconcile';
import { STATUS_TEXT, meldingWhere } from '../../shared/avstemming/reconciliation-words';

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The reconciliation as a self-contained HTML page (no scripts, no external resources) for the desktop port to
 * print as PDF: the same rows and words as the page, in the user's language.
 */
export function reconciliationHtml(view: Reconciliation, language: Language): string {
  const t = (nb: string, en: string) => (language === 'nb' ? nb : en);
  const rows = view.recipients
    .map(
      (r) =>
        `<tr><td>${escape(r.identifikator)}</td><td>${escape(r.navn ?? '')}</td>` +
        `<td class="n">${escape(r.skatteetaten?.inntekt ?? '–')}</td><td class="n">${escape(r.innsender?.inntekt ?? '–')}</td>` +
        `<td class="n">${escape(r.skatteetaten?.forskuddstrekk ?? '–')}</td><td class="n">${escape(r.innsender?.forskuddstrekk ?? '–')}</td>` +
        `<td>${escape(STATUS_TEXT[r.status][language])}</td></tr>`,
    )
    .join('');
  const meldinger = view.meldinger
    .map((m) => `<li>${escape(m.meldingsId)} (${escape(m.kalendermaaned)}): ${escape(meldingWhere(m)[language])}</li>`)
    .join('');
  const period = view.fra === view.til ? view.fra : `${view.fra} – ${view.til}`;
  const total = view.totals;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<title>${escape(t('Avstemmingsrapport', 'Reconciliation report'))} ${escape(period)}</title>
<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:3px 5px;text-align:left}.n{text-align:right}</style>
</head><body>
<h1>${escape(t('Avstemmingsrapport for a-meldingen', 'A-melding reconciliation report'))}</h1>
<p>${escape(t('Opplysningspliktig', 'Reporting entity'))}: ${escape(view.opplysningspliktig)} · ${escape(t('Periode', 'Period'))}: ${escape(period)} · ${escape(t('Hentet', 'Fetched'))}: ${escape(view.fetchedAt)}</p>
<table><thead><tr><th>${escape(t('Inntektsmottaker', 'Income recipient'))}</th><th>${escape(t('Navn', 'Name'))}</th>
<th>${escape(t('Inntekt, Skatteetaten', 'Income, Skatteetaten'))}</th><th>${escape(t('Inntekt, sendt', 'Income, sent'))}</th>
<th>${escape(t('Forskuddstrekk, Skatteetaten', 'Withholding, Skatteetaten'))}</th><th>${escape(t('Forskuddstrekk, sendt', 'Withholding, sent'))}</th>
<th>${escape(t('Status', 'Status'))}</th></tr></thead><tbody>${rows}
<tr><th colspan="2">${escape(t('Sum', 'Total'))}</th><th class="n">${escape(total.skatteetaten.inntekt)}</th><th class="n">${escape(total.innsender.inntekt)}</th>
<th class="n">${escape(total.skatteetaten.forskuddstrekk)}</th><th class="n">${escape(total.innsender.forskuddstrekk)}</th><th>${escape(STATUS_TEXT[total.status][language])}</th></tr>
</tbody></table>
<h2>${escape(t('A-meldinger i perioden', 'A-meldinger in the period'))}</h2><ul>${meldinger}</ul>
<p>${escape(t('Arbeidsgiveravgift registrert hos Skatteetaten', 'Employer’s contribution registered at Skatteetaten'))}: ${escape(total.skatteetaten.arbeidsgiveravgift)}</p>
</body></html>`;
}
