import { AppError } from '../../shared/domain/app-error';
import type { Profile } from '../../shared/domain/profile';
import type { ProfileService } from '../settings/profiles';

/** The active profile, or the error that asks for one: what every setup-side service starts from. */
export function requireActiveProfile(profiles: ProfileService): Profile {
  const profile = profiles.active();
  if (!profile) {
    throw new AppError('SETUP_NO_PROFILE', {
      nb: 'Legg til eller velg en virksomhet først.',
      en: 'Add or choose an organisation first.',
    });
  }
  return profile;
}
