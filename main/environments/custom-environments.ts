import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { nonStandardHosts } from '../../shared/domain/endpoints';
import type { Language } from '../../shared/domain/localized';
import type { CustomHostsConfirmation, Profile } from '../../shared/domain/profile';
import type { DesktopPort } from '../desktop-port';
import { loadCustomEndpoints } from './custom-file';

export interface CustomEnvironmentPick {
  pickId: string;
  fileName: string;
  nonStandardHosts: string[];
}

/** How many picks are remembered: a page makes one per dialog; old ones are forgotten first. */
const KEPT = 20;

/**
 * Custom environment files chosen in main, and the confirmation of their non-standard hosts. The page never sends
 * a path: main shows the dialog (or the CLI names the file), reads and checks it, and keeps the path under a
 * random pick id the page then names the file by.
 */
export class CustomEnvironments {
  private readonly picks = new Map<string, { path: string; hosts: string[] }>();

  constructor(
    private readonly options: {
      desktop: Pick<DesktopPort, 'pickFiles'>;
      language: () => Language;
      now?: () => Date;
    },
  ) {}

  /** Main's open dialog, then `offer`; null when the user cancelled. */
  async pick(): Promise<CustomEnvironmentPick | null> {
    const english = this.options.language() === 'en';
    const [path] = await this.options.desktop.pickFiles({
      title: english ? 'Choose the environment file (JSON)' : 'Velg miljøfilen (JSON)',
      filters: [{ name: 'JSON', extensions: ['json'] }],
      multiple: false,
    });
    return path ? this.offer(path) : null;
  }

  /** Reads and checks the file (errors name the field, never the content) and remembers it under a new pick id. */
  async offer(path: string): Promise<CustomEnvironmentPick> {
    const hosts = nonStandardHosts(await loadCustomEndpoints(path));
    const pickId = randomUUID();
    this.picks.set(pickId, { path, hosts });
    for (const old of this.picks.keys()) {
      if (this.picks.size <= KEPT) break;
      this.picks.delete(old);
    }
    return { pickId, fileName: basename(path), nonStandardHosts: hosts };
  }

  /**
   * The picked file's path and the confirmation to record: every non-standard host must be among `confirmHosts`
   * (what the user was shown and ticked), or the profile is not made.
   */
  take(
    pickId: string,
    confirmHosts: readonly string[] = [],
  ): {
    customEnvironmentFile: string;
    customHostsConfirmed?: CustomHostsConfirmation;
  } {
    const pick = this.picks.get(pickId);
    if (!pick) {
      throw new AppError('CUSTOM_ENV_PICK_UNKNOWN', {
        nb: 'Miljøfilen er ikke valgt (eller valget er for gammelt). Velg filen på nytt.',
        en: 'The environment file has not been chosen (or the choice is too old). Choose the file again.',
      });
    }
    const missing = unconfirmedHosts(pick.hosts, confirmHosts);
    if (missing.length > 0) throw hostsNeedConfirmation(missing);
    return {
      customEnvironmentFile: pick.path,
      ...(pick.hosts.length > 0
        ? {
            customHostsConfirmed: {
              hosts: pick.hosts,
              confirmedAt: (this.options.now?.() ?? new Date()).toISOString(),
            },
          }
        : {}),
    };
  }

  /**
   * Confirms the custom profile's non-standard hosts as the file names them now: each must be among `hosts` (what
   * the user was shown) or already confirmed; the confirmation recorded is the file's whole current set.
   */
  async confirmationFor(profile: Profile, hosts: readonly string[]): Promise<CustomHostsConfirmation> {
    if (profile.environment !== 'custom' || !profile.customEnvironmentFile) {
      throw new AppError('CUSTOM_ENV_NOT_CUSTOM', {
        nb: 'Den valgte virksomheten bruker ikke et egendefinert miljø.',
        en: 'The chosen organisation does not use a custom environment.',
      });
    }
    const current = nonStandardHosts(await loadCustomEndpoints(profile.customEnvironmentFile));
    const missing = unconfirmedHosts(current, [...hosts, ...(profile.customHostsConfirmed?.hosts ?? [])]);
    if (missing.length > 0) throw hostsNeedConfirmation(missing);
    return { hosts: current, confirmedAt: (this.options.now?.() ?? new Date()).toISOString() };
  }
}

export function unconfirmedHosts(hosts: readonly string[], confirmed: readonly string[] | undefined): string[] {
  return hosts.filter((host) => !confirmed?.includes(host));
}

/** The one refusal for hosts nobody confirmed: at profile creation, and at every call until they are. */
export function hostsNeedConfirmation(hosts: readonly string[]): AppError {
  const list = hosts.join(', ');
  return new AppError(
    'CUSTOM_ENV_HOSTS_UNCONFIRMED',
    {
      nb: `Miljøfilen sender Maskinporten-bevis, tokens og rapporter til verter utenfor Altinn, Digdir, Maskinporten og Skatteetaten: ${list}. Bekreft disse vertene først (Innstillinger, eller innsender profiles confirm-hosts).`,
      en: `The environment file sends Maskinporten grants, tokens and reports to hosts outside Altinn, Digdir, Maskinporten and Skatteetaten: ${list}. Confirm these hosts first (Settings, or innsender profiles confirm-hosts).`,
    },
    [...hosts],
  );
}
