import { AppError, isAppError } from '../../shared/domain/app-error';
import type { Profile } from '../../shared/domain/profile';
import { formatCompany } from '../../shared/format';

/**
 * An Altinn refusal during the setup, said for the company it concerns: "Regnskap AS (974 761 076): …". Unknown
 * access packages (AUTH.VLD-00008) are named, since Altinn's answer does not say which one it refused.
 */
export function forCompany(profile: Profile, error: unknown, packages: readonly string[] = []): unknown {
  if (!isAppError(error)) return error;
  const who = formatCompany(profile.displayName, profile.orgNumber);
  if (error.code === 'ALTINN_AUTH_VLD_00008' && packages.length > 0) {
    return new AppError(
      error.code,
      {
        nb: `${who}: Altinn kjenner ikke (eller kan ikke delegere) tilgangspakken(e) ${packages.join(', ')} i dette miljøet.`,
        en: `${who}: Altinn does not know (or cannot delegate) the access package(s) ${packages.join(', ')} in this environment.`,
      },
      error.details,
    );
  }
  if (error.localized.nb.startsWith(who)) return error;
  return new AppError(
    error.code,
    { nb: `${who}: ${error.localized.nb}`, en: `${who}: ${error.localized.en}` },
    error.details,
  );
}
