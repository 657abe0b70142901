import { stringify } from 'csv-stringify/sync';
import type { Reconciliation } from './reconcile';

/** One row per income recipient and one for the totals; `;`-separated, dot decimals, as the skattekort export. */
export const RECONCILIATION_CSV_COLUMNS = [
  'fraOgMed',
  'tilOgMed',
  'identifikator',
  'navn',
  'inntektSkatteetaten',
  'inntektInnsender',
  'forskuddstrekkSkatteetaten',
  'forskuddstrekkInnsender',
  'status',
] as const;

export function reconciliationAsCsv(view: Reconciliation): string {
  const rows = view.recipients.map((r) => [
    view.fra,
    view.til,
    r.identifikator,
    r.navn ?? '',
    r.skatteetaten?.inntekt ?? '',
    r.innsender?.inntekt ?? '',
    r.skatteetaten?.forskuddstrekk ?? '',
    r.innsender?.forskuddstrekk ?? '',
    r.status,
  ]);
  rows.push([
    view.fra,
    view.til,
    'SUM',
    '',
    view.totals.skatteetaten.inntekt,
    view.totals.innsender.inntekt,
    view.totals.skatteetaten.forskuddstrekk,
    view.totals.innsender.forskuddstrekk,
    view.totals.status,
  ]);
  return stringify([[...RECONCILIATION_CSV_COLUMNS], ...rows], { delimiter: ';', record_delimiter: '\r\n' });
}
