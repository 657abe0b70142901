import { fromInteger, parseScaled, percentOf } from '../decimal';
import type { Arbeidsgiveravgift, Leveranse, Virksomhet } from './model';

const amount = (text: string) => parseScaled(text) ?? 0n;

export interface ZoneTotal {
  sone: string;
  /** Net base in the zone (bases − deductions), scaled by 10^SCALE. */
  grunnlag: bigint;
  /** Σ base × rate, exact; round with `roundProductToKroner`. */
  avgift: bigint;
}

export interface AgaTotal {
  perZone: Map<string, ZoneTotal>;
  avgift: bigint;
  lines: number;
}

/** Employer's contribution a virksomhet's bases and rates give, per zone; foreign-worker schemes count as zone "utland". */
export function arbeidsgiveravgiftOf(aga: Arbeidsgiveravgift | undefined): AgaTotal {
  const perZone = new Map<string, ZoneTotal>();
  let lines = 0;
  const add = (sone: string, grunnlag: bigint, avgift: bigint) => {
    const zone = perZone.get(sone) ?? { sone, grunnlag: 0n, avgift: 0n };
    zone.grunnlag += grunnlag;
    zone.avgift += avgift;
    perZone.set(sone, zone);
    lines++;
  };
  for (const line of [...(aga?.loennOgGodtgjoerelse ?? []), ...(aga?.tilskuddOgPremieTilPensjon ?? [])]) {
    const base = amount(line.avgiftsgrunnlagBeloep);
    add(line.sone, base, percentOf(base, amount(line.prosentsatsForAvgiftsberegning)));
  }
  for (const line of aga?.fradragIGrunnlagetForSone ?? []) {
    const base = amount(line.avgiftsfradragBeloep);
    add(line.sone, -base, -percentOf(base, amount(line.prosentsatsForAvgiftsberegning)));
  }
  const saerskilt = aga?.utenlandskeMedSaerskiltProsentsats;
  if (saerskilt) {
    const base = amount(saerskilt.avgiftsgrunnlagBeloep);
    add('utland', base, percentOf(base, amount(saerskilt.prosentsatsForAvgiftsberegning)));
  }
  const fradragUtland = aga?.fradragIGrunnlagetForUtenlandsk;
  if (fradragUtland) {
    const base = amount(fradragUtland.avgiftsfradragBeloep);
    add('utland', -base, -percentOf(base, amount(fradragUtland.prosentsatsForAvgiftsberegning)));
  }
  const fast = aga?.utenlandskeMedFastAvgiftsbeloep;
  if (fast) {
    // A fixed amount per person: antall × beløpssats kroner, expressed on the percent-product scale (× 100).
    add(
      'utland',
      0n,
      percentOf(fromInteger(fast.antallAvgiftsgrunnlagPersoner), amount(fast.beloepssatsForAvgiftsberegning) * 100n),
    );
  }
  let avgift = 0n;
  for (const zone of perZone.values()) avgift += zone.avgift;
  return { perZone, avgift, lines };
}

/** Withholding reported for people, as a positive number of kroner (per-person rows are negative). */
export function withheldOf(virksomheter: readonly Virksomhet[]): number {
  let sum = 0;
  for (const v of virksomheter)
    for (const m of v.inntektsmottaker ?? []) for (const f of m.forskuddstrekk ?? []) sum += f.beloep;
  return -sum;
}

export function incomeOf(virksomhet: Virksomhet, onlyAgaLiable = false): bigint {
  let sum = 0n;
  for (const m of virksomhet.inntektsmottaker ?? []) {
    for (const inntekt of m.inntekt ?? []) {
      if (!onlyAgaLiable || inntekt.utloeserArbeidsgiveravgift) sum += amount(inntekt.beloep);
    }
  }
  return sum;
}

export function allVirksomheter(leveranse: Leveranse): Virksomhet[] {
  return leveranse.oppgave.virksomhet ?? [];
}
