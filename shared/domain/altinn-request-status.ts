import type { LocalizedText } from './localized';

/**
 * What became of a request in Altinn (a system user request or a change request), as a verb phrase: Altinn's
 * statuses are New, Accepted, Rejected, Denied and Timedout, and NoChangeNeeded for a change request (altinn-auth.md §5, `RequestStatus` in Altinn/altinn-authentication), never shown to a person as is.
 */
export function requestOutcomeWords(status: string): LocalizedText {
  switch (status) {
    case 'New':
      return { nb: 'venter på godkjenning', en: 'is waiting for approval' };
    case 'Accepted':
    case 'NoChangeNeeded':
      return { nb: 'er godkjent', en: 'was approved' };
    case 'Rejected':
      return { nb: 'ble avvist i Altinn', en: 'was rejected in Altinn' };
    case 'Denied':
      return { nb: 'ble nektet i Altinn', en: 'was denied in Altinn' };
    case 'Timedout':
      return { nb: 'ble ikke besvart i tide og er utløpt', en: 'was not answered in time and has expired' };
    default:
      return { nb: 'er endret i Altinn', en: 'has changed in Altinn' };
  }
}
