import { AppError } from './app-error';
import { checklistEnvironmentOf, missingPrerequisite, missingPrerequisiteText } from './prerequisites';

/**
 * A refusal whose code means a setup prerequisite is missing gets the prerequisite named at the end of its message
 * and attached for the page to link; any other error passes unchanged. `serviceUrl` (the Maskinporten issuer, the
 * Altinn platform) decides which environment's link applies; `scopes` which owner a scope not granted belongs to.
 */
export function namingMissingPrerequisite(error: AppError, serviceUrl: string, scopes: readonly string[]): AppError {
  const prerequisite = missingPrerequisite(error.code, scopes);
  if (!prerequisite) return error;
  const environment = checklistEnvironmentOf(serviceUrl);
  const missing = missingPrerequisiteText(prerequisite, environment);
  return new AppError(
    error.code,
    { nb: `${error.localized.nb} ${missing.nb}`, en: `${error.localized.en} ${missing.en}` },
    error.details,
    {
      id: prerequisite.id,
      ...(environment === 'sandbox' ? {} : { url: prerequisite.steps[environment].link }),
    },
  );
}
