import type { Finding } from '../../finding';
import { aMeldingFinding } from '../controls';
import type { Inntekt } from '../model';
import { inntektsmottakereOf } from '../walk';
import type { AMeldingRule } from './rule-context';

const INNTEKT_TYPES = ['loennsinntekt', 'ytelseFraOffentlige', 'pensjonEllerTrygd', 'naeringsinntekt'] as const;

/** XSD choices the model cannot express; for XML the XSD reports them, so these run for JSON only. */
export const structureRules: AMeldingRule = (leveranse, context) => {
  if (context.source === 'xml') return [];
  const findings: Finding[] = [];
  for (const { mottaker, path } of inntektsmottakereOf(leveranse)) {
    (mottaker.inntekt ?? []).forEach((inntekt: Inntekt, i) => {
      const present = INNTEKT_TYPES.filter((type) => inntekt[type] !== undefined);
      if (present.length !== 1) {
        findings.push(
          aMeldingFinding(
            'AMELDING_INNTEKT_TYPE_COUNT',
            `${path}/inntekt[${i + 1}]`,
            `En inntekt skal ha nøyaktig én av ${INNTEKT_TYPES.join(', ')}; denne har ${present.length}.`,
            `An income must have exactly one of ${INNTEKT_TYPES.join(', ')}; this one has ${present.length}.`,
          ),
        );
      }
      for (const type of present) {
        const tillegg = inntekt[type]?.tilleggsinformasjon;
        if (tillegg && Object.keys(tillegg).length !== 1) {
          findings.push(
            aMeldingFinding(
              'AMELDING_TILLEGGSINFORMASJON_COUNT',
              `${path}/inntekt[${i + 1}]/${type}/tilleggsinformasjon`,
              'Tilleggsinformasjon skal inneholde nøyaktig ett av de mulige feltene.',
              'tilleggsinformasjon must contain exactly one of its possible fields.',
            ),
          );
        }
      }
    });
  }
  return findings;
};
