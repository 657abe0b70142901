import { rf1086Deadline } from '../../calendar/report-deadlines';
import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import { at, type Rf1086Rule } from './rule-context';

/** The company must be the profile's organisation; warn when the 31 January deadline has passed. */
export const profileAndDeadlineRules: Rf1086Rule = (set, context) => {
  const findings: Finding[] = [];
  for (const { main } of set.returns) {
    const orgnr = main.organisasjonsnummer;
    if (context.profileOrg && orgnr && orgnr.value !== context.profileOrg) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_COMPANY_NOT_PROFILE',
            orgnr.path,
            `Oppgaven gjelder ${orgnr.value}, men den aktive profilen er for ${context.profileOrg}.`,
            `The return is for ${orgnr.value}, but the active profile is for ${context.profileOrg}.`,
          ),
          { file: main.file, line: orgnr.line },
        ),
      );
    }
    const year = Number(main.inntektsaar?.value.slice(0, 4));
    if (Number.isInteger(year) && context.today > rf1086Deadline(year)) {
      findings.push(
        at(
          rf1086Finding(
            'RF1086_DEADLINE_PASSED',
            main.inntektsaar!.path,
            `Fristen for inntektsåret ${year} var ${rf1086Deadline(year)}.`,
            `The deadline for income year ${year} was ${rf1086Deadline(year)}.`,
          ),
          { file: main.file, line: main.inntektsaar!.line },
        ),
      );
    }
  }
  return findings;
};
