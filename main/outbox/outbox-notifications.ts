import type { EventHub } from '../ipc/event-hub';
import type { DesktopPort } from '../desktop-port';
import type { ProfileService } from '../settings/profiles';
import type { Language } from '../../shared/domain/localized';
import type { EventPayload } from '../../shared/ipc/contract';
import { reportedPeriod, targetOrg, type Submission, type SubmissionTarget } from '../../shared/outbox/submission';
import { serviceById } from '../../shared/domain/services-catalogue';
import { schemeById } from '../../shared/tredjepart/schemes';
import type { Profile } from '../../shared/domain/profile';
import { formatCompany, formatMonth } from '../../shared/format';

/**
 * The OS notification for a submission that needs the user: Skatteetaten rejected it, or it stopped trying
 * (a fault only the user can fix, or too many failed tries). Passing faults (offline, a busy service) are not
 * announced: the outbox retries them by itself, and a notification per retry would teach people to ignore them.
 */
export function outboxNotification(
  submission: Submission,
  company: string,
  language: Language,
): { title: string; body: string } | null {
  const { state } = submission;
  const en = language === 'en';
  if (state.kind === 'rejected') {
    return {
      title: en
        ? `Skatteetaten rejected a submission from ${company}`
        : `Skatteetaten avviste en innsending fra ${company}`,
      body: `${headline(submission.target, language)}: ${state.error.message[language]}`,
    };
  }
  if (state.kind === 'failed' && (state.reason === 'needs-action' || state.reason === 'gave-up')) {
    return {
      title: en ? `A submission from ${company} was not sent` : `En innsending fra ${company} ble ikke sendt`,
      body: `${headline(submission.target, language)}: ${state.error.message[language]}`,
    };
  }
  return null;
}

/**
 * What the submission is, in words: "A-melding for januar 2026", "Boligselskap (RF-1139) for 2025". Not its stored
 * label ("A-melding 2026-01 (lonn-1)"), which carries the month as digits and the meldingsId for the audit log.
 */
function headline(target: SubmissionTarget, language: Language): string {
  const { period } = reportedPeriod(target);
  const what = target.service === 'tredjepart' ? schemeById(target.scheme).title : serviceById(target.service).name;
  const when = target.service === 'a-melding' ? formatMonth(period, language) : period;
  return `${what[language]} for ${when}`;
}

/**
 * Raises `outboxNotification` for each outbox change that needs the user, once per state change, for every profile;
 * it names the company the submission is for with its org number: the profile's organisation, or a firm's client
 * (`clientName`). A click opens the submission on Utboks (`outbox.open`, routed by `shared/ipc/open-routes.ts`).
 * Returns the unsubscribe.
 */
export function notifyOutboxProblems(options: {
  events: EventHub;
  profiles: ProfileService;
  desktop: DesktopPort;
  language: () => Language;
  /** A firm's client's name by org number (null when it is not one of its clients). */
  clientName?: (profile: Profile, orgNumber: string) => Promise<string | null>;
}): () => void {
  const announced = new Set<string>();
  return options.events.subscribe((event, payload) => {
    if (event !== 'outbox.changed') return;
    const { profileId, submission } = payload as EventPayload<'outbox.changed'>;
    const key = `${submission.id}:${submission.state.kind}:${submission.updatedAt}`;
    if (announced.has(key)) return;
    const profile = options.profiles.state().profiles.find((p) => p.id === profileId);
    if (!profile || !outboxNotification(submission, '', options.language())) return;
    announced.add(key);
    const raise = (company: string) => {
      const notification = outboxNotification(submission, company, options.language());
      if (!notification) return;
      options.desktop.notify({
        ...notification,
        onClick: () => options.events.emit('outbox.open', { submissionId: submission.id }),
      });
    };
    const org = targetOrg(submission.target);
    const own = formatCompany(profile.displayName, profile.orgNumber);
    if (org === profile.orgNumber || !options.clientName) return raise(own);
    void options.clientName(profile, org).then(
      (name) => raise(name ? formatCompany(name, org) : own),
      () => raise(own),
    );
  });
}
