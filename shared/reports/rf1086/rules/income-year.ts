import type { Finding } from '../../finding';
import { rf1086Finding } from '../controls';
import type { Rf1086Event, Rf1086Form } from '../model';
import { at, type Rf1086Rule } from './rule-context';

/**
 * Every dated event lies in the income year (Skatteetaten's MTRA_004, learned from a refusal: field-notes.md,
 * github olefredrik/Wenche commit d70d841). In a year after the founding year the founding is not reported again:
 * the shares are then in the holding at 1 January.
 */
export const incomeYearRules: Rf1086Rule = (set) => {
  const forms: Rf1086Form[] = set.returns.flatMap((r) => [r.main, ...r.shareholders]);
  const findings: Finding[] = [];
  for (const form of forms) {
    const year = form.inntektsaar?.value.slice(0, 4);
    if (!year || !/^\d{4}$/.test(year)) continue;
    for (const event of eventsOf(form)) {
      const time = event.tidspunkt;
      if (!time || time.value.slice(0, 4) === year) continue;
      findings.push(
        at(
          rf1086Finding(
            'RF1086_TRANSACTION_OUTSIDE_YEAR',
            time.path,
            `Tidspunktet ${time.value} ligger utenfor inntektsåret ${year}. Bare hendelser i inntektsåret rapporteres; aksjer fra før ligger i beholdningen 1.1. (Skatteetatens kontroll MTRA_004).`,
            `The time ${time.value} is outside the income year ${year}. Only events in the income year are reported; earlier shares are in the holding at 1 Jan (Skatteetaten control MTRA_004).`,
          ),
          { file: form.file, line: time.line },
        ),
      );
    }
  }
  return findings;
};

function eventsOf(form: Rf1086Form): Rf1086Event[] {
  const shared = [...form.utbytte, ...form.omfordelingTilgang, ...form.omfordelingAvgang, ...form.nyemisjonForhoyelser];
  if (form.form === 'hovedskjema') {
    return [...shared, ...form.utstedelser, ...form.slettinger, ...form.overkursNedsettelser];
  }
  return [...shared, ...form.tilganger, ...form.avganger, ...form.overkursTilbakebetalinger];
}
