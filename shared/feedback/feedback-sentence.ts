import type { LocalizedText } from '../domain/localized';
import type { ServiceId } from '../domain/services-catalogue';
import { formatMonth } from '../format';
import type { FeedbackListItem } from './feedback-overview';

type Facts = Pick<FeedbackListItem, 'serviceId' | 'period' | 'outcome' | 'deviations'>;

/** The report as a noun with its period: "a-meldingen for januar 2026" / "the a-melding for January 2026". */
function reportNoun(serviceId: ServiceId | null, period: string | null): LocalizedText {
  const nbFor = period ? ` for ${formatMonth(period, 'nb')}` : '';
  const enFor = period ? ` for ${formatMonth(period, 'en')}` : '';
  if (serviceId === 'a-melding') return { nb: `a-meldingen${nbFor}`, en: `the a-melding${enFor}` };
  if (serviceId === 'aksjonaerregisteroppgave') {
    return { nb: `aksjonærregisteroppgaven${nbFor}`, en: `the shareholder register return${enFor}` };
  }
  if (serviceId?.startsWith('tredjepart-')) {
    return { nb: `tredjepartsopplysningene${nbFor}`, en: `the third-party report${enFor}` };
  }
  if (serviceId === 'skattekort-til-arbeidsgiver') {
    return { nb: 'skattekortbestillingen', en: 'the tax deduction card order' };
  }
  return { nb: `innsendingen${nbFor}`, en: `the submission${enFor}` };
}

function outcomePhrase({ outcome, deviations }: Facts): LocalizedText {
  const en = (one: string, other: string) => (deviations === 1 ? one : other);
  switch (outcome) {
    case 'received':
      return { nb: 'er mottatt uten avvik', en: 'was received with no deviations' };
    case 'received-with-deviations':
      return deviations > 0
        ? {
            nb: `er mottatt, med ${deviations} avvik`,
            en: `was received, with ${deviations} ${en('deviation', 'deviations')}`,
          }
        : { nb: 'er mottatt, med avvik', en: 'was received, with deviations' };
    case 'rejected':
      return { nb: 'ble avvist', en: 'was rejected' };
    case 'approved':
      return { nb: 'er godkjent', en: 'was approved' };
    case 'approved-with-warnings':
      return { nb: 'er godkjent, med advarsler', en: 'was approved, with warnings' };
    default:
      return { nb: 'har fått svar fra Skatteetaten', en: 'has an answer from Skatteetaten' };
  }
}

/**
 * One clean sentence naming the company, for a notification: "Fjellstue AS: a-meldingen for januar 2026 er
 * mottatt, med 2 avvik." The dialog's and the transmission's titles are not used: both repeat the report's name.
 */
export function feedbackSentence(company: string, facts: Facts): LocalizedText {
  const noun = reportNoun(facts.serviceId, facts.period);
  const phrase = outcomePhrase(facts);
  return { nb: `${company}: ${noun.nb} ${phrase.nb}.`, en: `${company}: ${noun.en} ${phrase.en}.` };
}
