import type { Profile } from '../../shared/domain/profile';
import type { ReportEnvironment } from '../../shared/reports/environment';

/**
 * A custom environment may point at the real services, so it gets production's strictness: synthetic (Tenor)
 * people are accepted only where nothing reaches Skatteetaten's production.
 */
export function reportEnvironmentFor(profile: Pick<Profile, 'environment'> | null): ReportEnvironment {
  if (profile?.environment === 'sandbox' || profile?.environment === 'test') return profile.environment;
  return 'production';
}
