import { text, type LocalizedText } from '../domain/localized';
import type { Reconciliation, ReconcileStatus } from './reconcile';

/**
 * The words for a reconciliation outside the renderer (the PDF's page, the CLI), in both languages; the page's own
 * words are the `avstemming.*` keys of `renderer/i18n/`, which say the same.
 */
export const STATUS_TEXT: Record<ReconcileStatus, LocalizedText> = {
  same: text('Stemmer', 'Matches'),
  differs: text('Avvik', 'Differs'),
  'only-skatteetaten': text('Bare hos Skatteetaten', 'Only at Skatteetaten'),
  'only-innsender': text('Bare sendt fra Innsender', 'Only sent from Innsender'),
};

/** Where an a-melding of the period is: at Skatteetaten and sent from here, or on one side only. */
export function meldingWhere(m: Reconciliation['meldinger'][number]): LocalizedText {
  if (m.atSkatteetaten && m.sentByInnsender) {
    return text('registrert hos Skatteetaten, sendt fra Innsender', 'registered at Skatteetaten, sent from Innsender');
  }
  return m.atSkatteetaten
    ? text(
        'registrert hos Skatteetaten, ikke sendt fra Innsender',
        'registered at Skatteetaten, not sent from Innsender',
      )
    : text('sendt fra Innsender, ikke i Skatteetatens rapport', 'sent from Innsender, not in Skatteetaten’s report');
}
