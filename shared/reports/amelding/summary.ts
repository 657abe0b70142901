import { z } from 'zod';
import { aMeldingDeadline } from '../calendar/report-deadlines';
import { formatScaled, roundProductToKroner } from '../decimal';
import type { Leveranse } from './model';
import { arbeidsgiveravgiftOf, incomeOf, withheldOf } from './totals';
import { AMELDING_VERSIONS } from './versions';

/** Decimal amounts are strings ("40000.5"), whole kroner are numbers, as in the model. */
const ZoneSummarySchema = z.object({
  sone: z.string(),
  grunnlag: z.string(),
  arbeidsgiveravgift: z.number().int(),
});

const VirksomhetSummarySchema = z.object({
  organisasjonsnummer: z.string(),
  inntektsmottakere: z.number().int(),
  inntekt: z.string(),
  forskuddstrekk: z.number().int(),
  arbeidsgiveravgiftPerSone: z.array(ZoneSummarySchema),
});

export const AMeldingSummarySchema = z.object({
  version: z.enum(AMELDING_VERSIONS),
  format: z.enum(['xml', 'json']),
  kalendermaaned: z.string(),
  frist: z.string().optional(),
  meldingsId: z.string(),
  erstatterMeldingsId: z.string().optional(),
  opplysningspliktig: z.string(),
  kildesystem: z.string(),
  leveringstidspunkt: z.string(),
  virksomheter: z.array(VirksomhetSummarySchema),
  /** Distinct people (by identity number, else by name and birth date) across all sub-units. */
  inntektsmottakere: z.number().int(),
  totals: z.object({
    inntekt: z.string(),
    forskuddstrekk: z.number().int(),
    arbeidsgiveravgift: z.number().int(),
    arbeidsgiveravgiftPerSone: z.array(ZoneSummarySchema),
    oppgittSumForskuddstrekk: z.number().int().optional(),
    oppgittSumArbeidsgiveravgift: z.number().int().optional(),
  }),
});
export type AMeldingSummary = z.infer<typeof AMeldingSummarySchema>;

export function summariseAMelding(
  leveranse: Leveranse,
  version: AMeldingSummary['version'],
  format: AMeldingSummary['format'],
): AMeldingSummary {
  const virksomheter = leveranse.oppgave.virksomhet ?? [];
  const people = new Set<string>();
  const allZones = new Map<string, { grunnlag: bigint; avgift: bigint }>();
  let income = 0n;
  let avgiftProduct = 0n;
  const perVirksomhet = virksomheter.map((v) => {
    for (const m of v.inntektsmottaker ?? []) {
      const info = m.identifiserendeInformasjon;
      people.add(m.norskIdentifikator ?? `${info?.navn ?? ''}|${info?.foedselsdato ?? ''}`);
    }
    const aga = arbeidsgiveravgiftOf(v.arbeidsgiveravgift);
    avgiftProduct += aga.avgift;
    for (const zone of aga.perZone.values()) {
      const total = allZones.get(zone.sone) ?? { grunnlag: 0n, avgift: 0n };
      total.grunnlag += zone.grunnlag;
      total.avgift += zone.avgift;
      allZones.set(zone.sone, total);
    }
    const virksomhetIncome = incomeOf(v);
    income += virksomhetIncome;
    return {
      organisasjonsnummer: v.norskIdentifikator,
      inntektsmottakere: (v.inntektsmottaker ?? []).length,
      inntekt: formatScaled(virksomhetIncome),
      forskuddstrekk: withheldOf([v]),
      arbeidsgiveravgiftPerSone: [...aga.perZone.values()].map(zoneSummary),
    };
  });
  const betaling = leveranse.oppgave.betalingsinformasjon;
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(leveranse.kalendermaaned);
  return {
    version,
    format,
    kalendermaaned: leveranse.kalendermaaned,
    ...(validMonth ? { frist: aMeldingDeadline(leveranse.kalendermaaned) } : {}),
    meldingsId: leveranse.meldingsId,
    ...(leveranse.erstatterMeldingsId !== undefined ? { erstatterMeldingsId: leveranse.erstatterMeldingsId } : {}),
    opplysningspliktig: leveranse.opplysningspliktig.norskIdentifikator,
    kildesystem: leveranse.kildesystem,
    leveringstidspunkt: leveranse.leveringstidspunkt,
    virksomheter: perVirksomhet,
    inntektsmottakere: people.size,
    totals: {
      inntekt: formatScaled(income),
      forskuddstrekk: withheldOf(virksomheter),
      arbeidsgiveravgift: roundProductToKroner(avgiftProduct),
      arbeidsgiveravgiftPerSone: [...allZones.entries()].map(([sone, z]) => zoneSummary({ sone, ...z })),
      ...(betaling?.sumForskuddstrekk !== undefined ? { oppgittSumForskuddstrekk: betaling.sumForskuddstrekk } : {}),
      ...(betaling?.sumArbeidsgiveravgift !== undefined
        ? { oppgittSumArbeidsgiveravgift: betaling.sumArbeidsgiveravgift }
        : {}),
    },
  };
}

function zoneSummary(zone: { sone: string; grunnlag: bigint; avgift: bigint }) {
  return {
    sone: zone.sone,
    grunnlag: formatScaled(zone.grunnlag),
    arbeidsgiveravgift: roundProductToKroner(zone.avgift),
  };
}
