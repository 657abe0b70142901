import { agaRatesPerZone } from '../../codelists/code-list';
import { formatScaled, parseScaled, roundProductToKroner, truncateProductToKroner } from '../../decimal';
import type { Finding } from '../../finding';
import { aMeldingFinding } from '../controls';
import { allVirksomheter, arbeidsgiveravgiftOf, incomeOf, withheldOf } from '../totals';
import { inntektsmottakereOf, virksomheterOf } from '../walk';
import type { AMeldingRule } from './rule-context';
import { formatKroner } from '../../../format';

const BETALING = 'leveranse/oppgave/betalingsinformasjon';

/** The payment sums against the detail they summarise (formats.md §2.3; deviations 173, 278, 184). */
export const sumRules: AMeldingRule = (leveranse) => {
  const findings: Finding[] = [];
  const betaling = leveranse.oppgave.betalingsinformasjon;
  const virksomheter = allVirksomheter(leveranse);

  for (const { mottaker, path } of inntektsmottakereOf(leveranse)) {
    (mottaker.forskuddstrekk ?? []).forEach((trekk, i) => {
      if (trekk.beloep > 0) {
        findings.push(
          aMeldingFinding(
            'AMELDING_FORSKUDDSTREKK_POSITIVE',
            `${path}/forskuddstrekk[${i + 1}]/beloep`,
            `Forskuddstrekket ${formatKroner(trekk.beloep, 'nb')} er positivt; trekk per person oppgis som negativt beløp (Skatteetatens avvikskode 278).`,
            `The withholding ${formatKroner(trekk.beloep, 'en')} is positive; withholding per person is reported as a negative amount (Skatteetaten deviation code 278).`,
          ),
        );
      }
    });
  }

  const withheld = withheldOf(virksomheter);
  const perDate = betaling?.sumForskuddstrekkPerLoennsutbetalingsdato;
  // v2_3 gives the withholding per payment date; Skatteetaten's 2026 example (formats.md [S4]) sends only that,
  // without sumForskuddstrekk, so an absent total is checked through the per-date rows below.
  const declaredTrekk = betaling?.sumForskuddstrekk ?? (perDate?.length ? withheld : 0);
  if (declaredTrekk !== withheld) {
    findings.push(
      aMeldingFinding(
        'AMELDING_SUM_FORSKUDDSTREKK',
        `${BETALING}/sumForskuddstrekk`,
        `sumForskuddstrekk er ${formatKroner(declaredTrekk, 'nb')}, men forskuddstrekket for personene blir ${formatKroner(withheld, 'nb')} (Skatteetatens avvikskode 173).`,
        `sumForskuddstrekk is ${formatKroner(declaredTrekk, 'en')}, but the withholding for the people adds up to ${formatKroner(withheld, 'en')} (Skatteetaten deviation code 173).`,
      ),
    );
  }

  if (perDate?.length) {
    const total = perDate.reduce((acc, row) => acc + row.beloep, 0);
    if (total !== withheld) {
      findings.push(
        aMeldingFinding(
          'AMELDING_SUM_FORSKUDDSTREKK_PER_DATO',
          `${BETALING}/sumForskuddstrekkPerLoennsutbetalingsdato`,
          `Forskuddstrekk per lønnsutbetalingsdato summerer til ${formatKroner(total, 'nb')}, men trekket for personene er ${formatKroner(withheld, 'nb')}.`,
          `Withholding per payment date adds up to ${formatKroner(total, 'en')}, but the withholding for the people is ${formatKroner(withheld, 'en')}.`,
        ),
      );
    }
  }

  let product = 0n;
  let lines = 0;
  for (const v of virksomheter) {
    const aga = arbeidsgiveravgiftOf(v.arbeidsgiveravgift);
    product += aga.avgift;
    lines += aga.lines;
  }
  const declaredAga = betaling?.sumArbeidsgiveravgift ?? 0;
  const rounded = roundProductToKroner(product);
  // The rounding rule is unconfirmed (formats.md §2.3): accept rounding or truncation of the total; a difference
  // no larger than one krone per base line is most likely per-line rounding, so it only warns.
  if (declaredAga !== rounded && declaredAga !== truncateProductToKroner(product)) {
    const off = Math.abs(declaredAga - rounded) <= Math.max(1, lines);
    findings.push(
      aMeldingFinding(
        off ? 'AMELDING_SUM_ARBEIDSGIVERAVGIFT_ROUNDING' : 'AMELDING_SUM_ARBEIDSGIVERAVGIFT',
        `${BETALING}/sumArbeidsgiveravgift`,
        `sumArbeidsgiveravgift er ${formatKroner(declaredAga, 'nb')}, men grunnlag × sats gir ${formatKroner(rounded, 'nb')}.`,
        `sumArbeidsgiveravgift is ${formatKroner(declaredAga, 'en')}, but base × rate gives ${formatKroner(rounded, 'en')}.`,
      ),
    );
  }

  const utlegg = virksomheter.flatMap((v) => (v.inntektsmottaker ?? []).flatMap((m) => m.utleggstrekk ?? []));
  if (betaling?.sumUtleggstrekk !== undefined || utlegg.length) {
    // The sign convention for utleggstrekk is not documented; compare magnitudes.
    const detail = Math.abs(utlegg.reduce((acc, u) => acc + u.beloep, 0));
    const declared = Math.abs(betaling?.sumUtleggstrekk ?? 0);
    if (detail !== declared) {
      findings.push(
        aMeldingFinding(
          'AMELDING_SUM_UTLEGGSTREKK',
          `${BETALING}/sumUtleggstrekk`,
          `sumUtleggstrekk er ${formatKroner(declared, 'nb')}, men utleggstrekket for personene blir ${formatKroner(detail, 'nb')}.`,
          `sumUtleggstrekk is ${formatKroner(declared, 'en')}, but the attachment deductions for the people add up to ${formatKroner(detail, 'en')}.`,
        ),
      );
    }
  }

  for (const { virksomhet, path } of virksomheterOf(leveranse)) {
    const aga = virksomhet.arbeidsgiveravgift;
    const liable = incomeOf(virksomhet, true);
    const bases = (aga?.loennOgGodtgjoerelse ?? []).reduce(
      (acc, l) => acc + (parseScaled(l.avgiftsgrunnlagBeloep) ?? 0n),
      0n,
    );
    // Deviation 184's exact formula is unconfirmed; this compares AGA-liable income with the salary bases.
    if (liable !== bases) {
      findings.push(
        aMeldingFinding(
          'AMELDING_AGA_GRUNNLAG_MISMATCH',
          `${path}/arbeidsgiveravgift`,
          `Avgiftspliktig inntekt er ${formatKroner(formatScaled(liable), 'nb')}, men grunnlaget for arbeidsgiveravgift (lønn og godtgjørelse) er ${formatKroner(formatScaled(bases), 'nb')} (Skatteetatens avvikskode 184).`,
          `Income liable to employer's contribution is ${formatKroner(formatScaled(liable), 'en')}, but the contribution base (salary) is ${formatKroner(formatScaled(bases), 'en')} (Skatteetaten deviation code 184).`,
        ),
      );
    }
    for (const [name, group] of [
      ['loennOgGodtgjoerelse', aga?.loennOgGodtgjoerelse],
      ['tilskuddOgPremieTilPensjon', aga?.tilskuddOgPremieTilPensjon],
    ] as const) {
      (group ?? []).forEach((line, i) => {
        const known = agaRatesPerZone[line.sone];
        const rate = parseScaled(line.prosentsatsForAvgiftsberegning);
        if (!known || rate === null || known.some((r) => parseScaled(r) === rate)) return;
        findings.push(
          aMeldingFinding(
            'AMELDING_AGA_RATE_UNEXPECTED',
            `${path}/arbeidsgiveravgift/${name}[${i + 1}]/prosentsatsForAvgiftsberegning`,
            `Satsen ${line.prosentsatsForAvgiftsberegning} % er ikke en kjent sats for sone ${line.sone} (${known.join(' / ')} %).`,
            `The rate ${line.prosentsatsForAvgiftsberegning} % is not a known rate for zone ${line.sone} (${known.join(' / ')} %).`,
          ),
        );
      });
    }
  }
  return findings;
};
