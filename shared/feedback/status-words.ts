import type { LocalizedText } from '../domain/localized';

/**
 * Skatteetaten's statuses as words. Seen so far: the a-melding's `mottakstatus` (`mottatt`, `avvist`; `erstattet`
 * and `slettet` implied by the help text), the GLD `leveransestatus` (`godkjent`, `avvist`), and Dialogporten
 * extended statuses written in capitals (`MOTTATT_MED_AVVIK`) — skatteetaten-apis.md §1.5 and §2.5, UNCONFIRMED.
 * An unknown status is called "another status"; the page keeps the raw value as secondary text for support.
 */
const WORDS: Record<string, LocalizedText> = {
  mottatt: { nb: 'Mottatt', en: 'Received' },
  'mottatt med avvik': { nb: 'Mottatt med avvik', en: 'Received with deviations' },
  avvist: { nb: 'Avvist', en: 'Rejected' },
  erstattet: { nb: 'Erstattet av en nyere melding', en: 'Replaced by a newer message' },
  slettet: { nb: 'Slettet', en: 'Deleted' },
  godkjent: { nb: 'Godkjent', en: 'Approved' },
  'godkjent med advarsler': { nb: 'Godkjent med advarsler', en: 'Approved with warnings' },
  'under behandling': { nb: 'Under behandling', en: 'Being processed' },
};

export function statusInWords(raw: string): { words: LocalizedText; known: boolean } {
  const key = raw.trim().toLowerCase().replace(/[_-]+/g, ' ');
  const words = WORDS[key];
  return words ? { words, known: true } : { words: { nb: 'Annen status', en: 'Another status' }, known: false };
}
