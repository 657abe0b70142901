import { join } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { isValidOrgNumber, normaliseOrgNumber } from '../../shared/domain/org-number';
import { reportsOrgOf, type Profile } from '../../shared/domain/profile';
import type { RegisterFacts, RegisterLookup } from '../../shared/domain/register-facts';
import type { EndpointResolver } from '../environments/resolve';
import { realEndpoints } from '../environments/table';
import type { Logger } from '../log/logger';
import { EnhetsregisteretError } from './enhetsregisteret-client';
import { RegisterCache, type RegisterSource } from './register-cache';

export interface ActiveRegisterOptions {
  /** The cache lives in `<dataDir>/enhetsregisteret.json`. */
  dataDir: string;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  activeProfile: () => Profile | null;
  /** A firm profile's clients, prefetched with the firm itself. */
  clientOrgs?: (profile: Profile) => Promise<readonly string[]>;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

/** An environment a register lookup is for: a profile's, or one chosen in the new-profile form. */
export type RegisterEnvironment = Pick<Profile, 'environment' | 'customEnvironmentFile' | 'customHostsConfirmed'>;

/**
 * Enhetsregisteret for the app: lookups for the profile and client forms (network, with the last answer kept
 * when offline), the cached facts a report check gets (disk only, never a network wait), and best-effort
 * prefetching when a profile is activated or a report checked, so the next check has fresh facts.
 */
export class ActiveRegister {
  private readonly cache: RegisterCache;

  constructor(private readonly options: ActiveRegisterOptions) {
    this.cache = new RegisterCache({
      file: join(options.dataDir, 'enhetsregisteret.json'),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /** What the register says about a number, for a form; the environment is the active profile's unless given. */
  async lookup(orgText: string, environment?: RegisterEnvironment): Promise<RegisterLookup> {
    const orgNumber = normaliseOrgNumber(orgText);
    if (!isValidOrgNumber(orgNumber)) {
      throw new AppError('REGISTER_ORG_INVALID', {
        nb: `«${orgText}» er ikke et gyldig organisasjonsnummer (ni siffer med gyldig kontrollsiffer).`,
        en: `“${orgText}” is not a valid organisation number (nine digits with a valid check digit).`,
      });
    }
    const target = environment ?? this.options.activeProfile();
    if (!target) {
      throw new AppError('PROFILE_REQUIRED', {
        nb: 'Velg eller legg til en virksomhet først.',
        en: 'Choose or add an organisation first.',
      });
    }
    try {
      return await this.cache.lookup(await this.sourceFor(target), orgNumber);
    } catch (thrown) {
      if (!(thrown instanceof EnhetsregisteretError)) throw thrown;
      this.options.log.warn('enhetsregisteret lookup failed', { reason: thrown.reason, detail: thrown.message });
      throw new AppError(
        'REGISTER_UNAVAILABLE',
        {
          nb: 'Enhetsregisteret svarte ikke, og det finnes ikke noe tidligere svar for nummeret. Skriv navnet selv, eller prøv igjen senere.',
          en: 'Enhetsregisteret did not answer, and there is no earlier answer for the number. Type the name yourself, or try again later.',
        },
        [thrown.reason],
      );
    }
  }

  /** The answers kept for the profile's register, from disk only: what a report check gets. */
  async factsFor(profile: Profile): Promise<RegisterFacts> {
    try {
      return await this.cache.cached(await this.keyFor(profile));
    } catch (error) {
      // A custom file that cannot be read now only means no register facts: the check still runs.
      this.options.log.warn('enhetsregisteret facts unavailable', { error });
      return {};
    }
  }

  /**
   * Fetches, in the background, the profile's organisation, a firm's clients and any numbers given (a checked
   * report's employer or company); failures are logged and the last answers stay.
   */
  prefetch(profile: Profile, orgNumbers: readonly string[] = []): Promise<void> {
    const run = async () => {
      const clients = this.options.clientOrgs ? await this.options.clientOrgs(profile) : [];
      const wanted = [reportsOrgOf(profile), ...clients, ...orgNumbers].filter(isValidOrgNumber);
      await this.cache.prefetch(await this.sourceFor(profile), wanted);
    };
    return run().catch((error: unknown) => this.options.log.warn('enhetsregisteret prefetch failed', { error }));
  }

  /** The sandbox's register is keyed by name: its port changes between runs, its synthetic answers do not. */
  private async keyFor(environment: RegisterEnvironment): Promise<string> {
    if (environment.environment === 'sandbox') return 'sandbox';
    if (environment.environment !== 'custom') return realEndpoints(environment.environment).enhetsregisteret.base;
    return (await this.endpoints(environment)).enhetsregisteret.base;
  }

  private async sourceFor(environment: RegisterEnvironment): Promise<RegisterSource> {
    const endpoints = await this.endpoints(environment);
    return { key: await this.keyFor(environment), base: endpoints.enhetsregisteret.base };
  }

  private endpoints(environment: RegisterEnvironment) {
    return this.options.endpoints.forProfile(environment);
  }
}
