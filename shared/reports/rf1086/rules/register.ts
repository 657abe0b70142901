import { fetchedOn } from '../../../domain/register-facts';
import { formatDate } from '../../../format';
import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import { at, type Rf1086Rule } from './rule-context';

/**
 * The main form's founding information against Enhetsregisteret's `stiftelsesdato` (cached; a check never waits
 * for the network): an income year before the founding year, a post 9 issuance of type "stiftelse" on another
 * date, and shares at the start of the founding year. Each message says when the register's answer was fetched.
 */
export const registerRules: Rf1086Rule = (set, context) => {
  const findings: Finding[] = [];
  for (const { main } of set.returns) {
    const orgnr = main.organisasjonsnummer?.value;
    const answer = orgnr ? context.register?.[orgnr] : undefined;
    if (answer?.status !== 'found' || !answer.unit.foundedOn) continue;
    const founded = answer.unit.foundedOn;
    const foundedYear = Number(founded.slice(0, 4));
    const source = {
      nb: `Enhetsregisteret har stiftelsesdato ${formatDate(founded, 'nb')} (opplysninger hentet ${fetchedOn(answer, 'nb')}).`,
      en: `Enhetsregisteret has the founding date ${formatDate(founded, 'en')} (data fetched ${fetchedOn(answer, 'en')}).`,
    };
    const warn = (path: string, line: number, nb: string, en: string) =>
      findings.push(
        at(rf1086Finding('RF1086_FOUNDING_NOT_AS_REGISTERED', path, `${nb} ${source.nb}`, `${en} ${source.en}`), {
          file: main.file,
          line,
        }),
      );

    const year = Number(main.inntektsaar?.value.slice(0, 4));
    if (main.inntektsaar && Number.isInteger(year) && year < foundedYear) {
      warn(
        main.inntektsaar.path,
        main.inntektsaar.line,
        `Inntektsåret ${year} er før selskapet ble stiftet.`,
        `The income year ${year} is before the company was founded.`,
      );
    }
    for (const issue of main.utstedelser) {
      const stiftelse = issue.hendelsestype && /stiftelse/i.test(issue.hendelsestype.value);
      const date = issue.tidspunkt?.value.slice(0, 10);
      if (stiftelse && issue.tidspunkt && date !== founded) {
        warn(
          issue.tidspunkt.path,
          issue.tidspunkt.line,
          `Aksjene er oppgitt utstedt ved stiftelse ${formatDate(date ?? '', 'nb')}.`,
          `The shares are reported issued at founding on ${formatDate(date ?? '', 'en')}.`,
        );
      }
    }
    const sharesLastYear = main.antallAksjerFjoraret;
    if (year === foundedYear && sharesLastYear && Number(sharesLastYear.value) > 0) {
      warn(
        sharesLastYear.path,
        sharesLastYear.line,
        `Selskapet ble stiftet i inntektsåret, men har ${sharesLastYear.value} aksjer ved inngangen til året.`,
        `The company was founded in the income year, but has ${sharesLastYear.value} shares at the start of the year.`,
      );
    }
  }
  return findings;
};
