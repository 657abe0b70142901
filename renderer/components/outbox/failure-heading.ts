import type { TFunction } from 'i18next';
import type { Submission } from '../../../shared/outbox/submission';

type FailedState = Extract<Submission['state'], { kind: 'failed' }>;

/**
 * The service a waiting submission's failure came from, by its error's code: a send asks Maskinporten for the token
 * first, and after Skatteetaten's 409 "key already used" Dialogporten for the receipt (main/outbox/received-lookup.ts);
 * an answer that is no service's at all (`…_UNREADABLE_ANSWER`) is most often a guest network's login page.
 */
function failureCause(code: string): 'maskinporten' | 'dialogporten' | 'guest-network' | 'skatteetaten' {
  if (code.endsWith('_UNREADABLE_ANSWER')) return 'guest-network';
  if (code.startsWith('MASKINPORTEN_')) return 'maskinporten';
  if (code.startsWith('DIALOGPORTEN_') || code === 'OUTBOX_RECEIVED_NOT_FOUND_YET') return 'dialogporten';
  return 'skatteetaten';
}

/**
 * Utboks's heading for a submission that waits: it names the service that failed, not always Skatteetaten (a
 * Maskinporten outage read "Skatteetaten svarte ikke som ventet"). What waits for the user, or gave up, reads the
 * same whoever failed: the message below names the service. A firm's client taken off its systembruker in Altinn
 * (main/firm/client-refusal.ts) is headed with that, naming `client`: it read "noe i oppsettet må rettes".
 */
export function failureHeading(state: FailedState, t: TFunction, client: string): string {
  const { reason, error } = state;
  if (error.code === 'FIRM_CLIENT_DELEGATION_REMOVED') return t('outbox.failedClientDelegation', { client });
  if (reason === 'needs-action' || reason === 'gave-up') return t(`outbox.failed.${reason}`);
  switch (failureCause(error.code)) {
    case 'guest-network':
      return t('outbox.failedGuestNetwork');
    case 'maskinporten':
      // Maskinporten's 429 waits as a passing fault (retry-policy.ts); its heading still says it asked us to wait.
      return t(`outbox.failedMaskinporten.${error.code === 'MASKINPORTEN_RATE_LIMITED' ? 'rate-limited' : reason}`);
    case 'dialogporten':
      return t(`outbox.failedDialogporten.${reason}`);
    case 'skatteetaten':
      return t(`outbox.failed.${reason}`);
  }
}
