import type { LocalizedText } from '../domain/localized';
import type { ServiceId } from '../domain/services-catalogue';

/**
 * When each service's report is due, as data with its source. A rule names the nominal date; every date is then
 * moved to the next Norwegian working day (formats.md §2.4 for the a-melding; Skatteetaten applies the same
 * "fristen forskyves" rule to the yearly returns). `confirmed: false` marks a date no primary source was found for:
 * the page says so beside it, so nobody mistakes a guess for a fact.
 */
export type DeadlineRule =
  | {
      /** Due on `day` of the month after the calendar month it reports. */
      kind: 'monthly';
      day: number;
      confirmed: boolean;
      source: string;
    }
  | {
      /** Due on `month`/`day` of the year after the income year it reports. */
      kind: 'yearly';
      month: number;
      day: number;
      confirmed: boolean;
      source: string;
    }
  | {
      /** Not a report with a deadline (an order, a lookup): nothing to warn about. */
      kind: 'none';
      why: LocalizedText;
    };

const yearly = (month: number, day: number, confirmed: boolean, source: string): DeadlineRule => ({
  kind: 'yearly',
  month,
  day,
  confirmed,
  source,
});

/**
 * Partial on purpose: a service added to the catalogue before its rule is written shows on the page as "no known
 * deadline" instead of with an invented one.
 */
export const DEADLINE_RULES: Partial<Record<ServiceId, DeadlineRule>> = {
  'a-melding': {
    kind: 'monthly',
    day: 5,
    confirmed: true,
    source: 'formats.md §2.4 [S14]: the 5th of the following month, moved past weekends and public holidays',
  },
  aksjonaerregisteroppgave: yearly(
    1,
    31,
    true,
    'formats.md §3.1 [S22, S23]: 31 January of the year after the income year',
  ),
  'a-melding-avstemming': {
    kind: 'none',
    why: {
      nb: 'Avstemmingsrapporten hentes når du vil, gjerne hver måned og ved årsslutt; den har ingen frist.',
      en: 'The reconciliation report is fetched when you like, ideally every month and at year end; it has no deadline.',
    },
  },
  'skattekort-til-arbeidsgiver': {
    kind: 'none',
    why: {
      nb: 'Skattekort bestilles når de trengs; det er ingen innleveringsfrist.',
      en: 'Tax deduction cards are ordered when needed; there is no filing deadline.',
    },
  },
  'tredjepart-boligselskap': yearly(
    1,
    31,
    true,
    'skatteetaten.no, Rettledning for tredjepartsopplysninger for boligselskap (revidert oktober 2023): "innen 31. januar året etter inntektsåret"',
  ),
  'tredjepart-boligsameie': yearly(
    1,
    31,
    true,
    'skatteetaten.no, Rettledning for tredjepartsopplysninger for boligsameie (revidert oktober 2023) and its "steg for steg" page: 31 January',
  ),
  'tredjepart-gaver-frivillige': yearly(
    1,
    31,
    false,
    'UNCONFIRMED: the stored rettledning for gaver til frivillige organisasjoner names a "frist for innlevering" without the date; 31 January assumed',
  ),
  'tredjepart-skattefrie-utbetalinger': yearly(
    1,
    31,
    true,
    'skatteetaten.no, Rettledning for skattefrie utbetalinger fra offentlige myndigheter (revidert oktober 2023): "Fristen for rapportering er 31. januar i året etter inntektsåret"',
  ),
  // UNCONFIRMED: the stored rettledning pages for these schemes do not state the date. Bank and finance schemes
  // have been due 20 January; the earlier date is used so the warning never comes too late.
  'tredjepart-aksjesparekonto': yearly(
    1,
    20,
    false,
    'UNCONFIRMED: not found in the stored rettledning for aksjesparekonto; 20 January assumed (finance schemes), check skatteetaten.no',
  ),
  'tredjepart-finansprodukter': yearly(
    1,
    20,
    false,
    'UNCONFIRMED: not found in a stored source; 20 January assumed (finance schemes), check skatteetaten.no',
  ),
  'tredjepart-opphaverrett': yearly(
    1,
    31,
    false,
    'UNCONFIRMED: not found in a stored source; 31 January assumed (the general rule for non-finance schemes), check skatteetaten.no',
  ),
};
