import { AppError } from '../../shared/domain/app-error';
import type { Profile } from '../../shared/domain/profile';
import type { ServiceId } from '../../shared/domain/services-catalogue';
import {
  EXTENSION_FORMS,
  SKATTEMELDING_EXTENSION,
  type ExtensionFormId,
} from '../../shared/deadlines/deadline-extension';
import type { DeadlinesOverview } from '../../shared/deadlines/deadline-views';
import { deadlineId, osloDate, upcomingDeadlines } from '../../shared/deadlines/upcoming-deadlines';
import { reportedPeriod, type ReportedPeriod, type Submission } from '../../shared/outbox/submission';
import { SCHEMES } from '../../shared/tredjepart/schemes';
import type { DesktopPort } from '../desktop-port';
import { externalUrlToOpen } from '../security/external-links';
import type { ProfileService } from '../settings/profiles';
import { profileDir, SetupStateFile } from '../setup/setup-state';
import type { ClientPeriod } from '../store/store';
import { DeadlineSettingsFile } from './deadline-settings';

export interface DeadlineServiceOptions {
  dataDir: string;
  profiles: ProfileService;
  /** A profile's submissions (OutboxWorkers.listFor): a received one meets its period's deadline. */
  submissions: (profile: Profile) => Promise<readonly Submission[]>;
  desktop: DesktopPort;
  now?: () => Date;
}

/** The deadline a received submission for this period meets, if its service has one (a skattekort order meets none). */
function deadlineMetBy(reported: ReportedPeriod): string | null {
  switch (reported.service) {
    case 'a-melding':
      return deadlineId('a-melding', { kind: 'month', kalendermaaned: reported.period });
    case 'aksjonaerregisteroppgave':
      return deadlineId('aksjonaerregisteroppgave', { kind: 'income-year', inntektsaar: Number(reported.period) });
    case 'tredjepart':
      // Every scheme is one outbox service; its deadline belongs to the scheme's catalogue service.
      return reported.scheme
        ? deadlineId(SCHEMES[reported.scheme].serviceId, { kind: 'income-year', inntektsaar: Number(reported.period) })
        : null;
    case 'skattekort-til-arbeidsgiver':
      return null;
  }
}

/** The deadline ids a profile's received submissions meet. */
export function metDeadlines(submissions: readonly Submission[]): Set<string> {
  const met = new Set<string>();
  for (const s of submissions) {
    if (s.state.kind !== 'received') continue;
    const id = deadlineMetBy(reportedPeriod(s.target));
    if (id) met.add(id);
  }
  return met;
}

/** The deadline ids each client met, from the periods it has received (`Store.receivedPeriods`). */
export function metDeadlinesByOrg(received: readonly ClientPeriod[]): Map<string, Set<string>> {
  const byOrg = new Map<string, Set<string>>();
  for (const p of received) {
    const id = deadlineMetBy(p);
    if (!id) continue;
    let met = byOrg.get(p.clientOrg);
    if (!met) byOrg.set(p.clientOrg, (met = new Set()));
    met.add(id);
  }
  return byOrg;
}

/** The active profile's deadlines for its chosen services, what the Frister page and `innsender frister` show. */
export class DeadlineService {
  private readonly now: () => Date;
  private readonly settingsFiles = new Map<string, DeadlineSettingsFile>();

  constructor(private readonly options: DeadlineServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async overview(months = 12, profile: Profile | null = this.options.profiles.active()): Promise<DeadlinesOverview> {
    const today = this.today();
    const form = EXTENSION_FORMS['RF-1113'];
    const extensionForm = {
      form: 'RF-1113' as const,
      name: form.name,
      url: form.url,
      why: SKATTEMELDING_EXTENSION.why,
    };
    if (!profile) {
      const empty = upcomingDeadlines({ today, services: [], months, warnDays: 0, met: new Set() });
      return {
        profileId: null,
        today,
        until: empty.until,
        warnDays: 0,
        services: [],
        deadlines: [],
        nextId: null,
        withoutDeadline: [],
        extensionForm,
      };
    }
    const [services, settings, submissions] = await Promise.all([
      this.chosenServices(profile),
      this.settingsOf(profile).read(),
      this.options.submissions(profile).catch(() => [] as Submission[]),
    ]);
    const list = upcomingDeadlines({
      today,
      services,
      months,
      warnDays: settings.warnDays,
      met: metDeadlines(submissions),
    });
    return {
      profileId: profile.id,
      today,
      until: list.until,
      warnDays: settings.warnDays,
      services,
      deadlines: list.deadlines,
      nextId: list.nextId,
      withoutDeadline: list.withoutDeadline.map(({ service, rule }) => ({
        service,
        why: rule?.why ?? {
          nb: 'Ingen frist er registrert for denne tjenesten i Innsender ennå. Sjekk skatteetaten.no.',
          en: 'No deadline is recorded for this service in Innsender yet. Check skatteetaten.no.',
        },
      })),
      extensionForm,
    };
  }

  /** Today's date in Norway, by the service's clock. */
  today(): string {
    return osloDate(this.now());
  }

  async setWarnDays(days: number): Promise<DeadlinesOverview> {
    const profile = this.requireProfile();
    await this.settingsOf(profile).update((s) => ({ ...s, warnDays: days }));
    return this.overview(12, profile);
  }

  /** Opens the official extension form in the OS browser; refused unless the address is allow-listed. */
  async openExtensionForm(form: ExtensionFormId): Promise<void> {
    const url = EXTENSION_FORMS[form].url;
    const href = externalUrlToOpen(url);
    if (!href) {
      throw new AppError(
        'EXTERNAL_URL_REFUSED',
        {
          nb: 'Adressen til skjemaet er ikke på listen over sider Innsender åpner.',
          en: 'The form address is not on the list of sites Innsender opens.',
        },
        [url],
      );
    }
    await this.options.desktop.openExternal(href);
  }

  /** The services the profile chose in the setup (the registered system's, once there is one). */
  async chosenServices(profile: Profile): Promise<ServiceId[]> {
    const state = await new SetupStateFile(profileDir(this.options.dataDir, profile.id)).read();
    return state.system?.services ?? state.services;
  }

  /** One file object per profile, so its write lock is shared by the page and the warning timer. */
  settingsOf(profile: Profile): DeadlineSettingsFile {
    let file = this.settingsFiles.get(profile.id);
    if (!file) {
      file = new DeadlineSettingsFile(profileDir(this.options.dataDir, profile.id));
      this.settingsFiles.set(profile.id, file);
    }
    return file;
  }

  private requireProfile(): Profile {
    const profile = this.options.profiles.active();
    if (!profile) {
      throw new AppError('DEADLINES_NO_PROFILE', {
        nb: 'Legg til eller velg en virksomhet først.',
        en: 'Add or choose an organisation first.',
      });
    }
    return profile;
  }
}
