import { AppError } from '../../shared/domain/app-error';
import { isValidOrgNumber, normaliseOrgNumber } from '../../shared/domain/org-number';
import { formatOrgNumber } from '../../shared/format';
import type { CliContext } from './context';
import { printError } from './output';

/**
 * An org number typed on the command line, checked before the app is asked anything. The page's form checks it as
 * it is typed; the channel's schema alone would answer a typo with "Ugyldige data sendt til appen." and its own
 * bilingual note. Prints the refusal and sets exit 2; returns the nine digits, or undefined when refused.
 */
export function orgNumberArgument(ctx: CliContext, typed: string): string | undefined {
  const digits = normaliseOrgNumber(typed);
  if (isValidOrgNumber(digits)) return digits;
  const shown = formatOrgNumber(digits);
  const error = new AppError('PROFILE_ORG_NUMBER_INVALID', {
    nb: `Organisasjonsnummeret ${shown} er ikke gyldig. Sjekk at alle ni sifrene er riktige, som i Enhetsregisteret.`,
    en: `The organisation number ${shown} is not valid. Check that all nine digits are right, as in Enhetsregisteret.`,
  });
  ctx.setExit(printError(ctx.io, error.toShape(), ctx.json, ctx.lang));
  return undefined;
}
