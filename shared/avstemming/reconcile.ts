import { z } from 'zod';
import { formatScaled, fromInteger, parseScaled } from '../reports/decimal';
import type { Leveranse } from '../reports/amelding/model';
import type { Avstemmingsrapport } from './avstemmingsrapport';

/** An a-melding Skatteetaten received from Innsender (the outbox), with what it said. */
export interface SentAMelding {
  meldingsId: string;
  kalendermaaned: string;
  erstatterMeldingsId?: string;
  receivedAt: string;
  leveranse: Leveranse;
}

export const ReconcileStatusSchema = z.enum(['same', 'differs', 'only-skatteetaten', 'only-innsender']);
export type ReconcileStatus = z.infer<typeof ReconcileStatusSchema>;

const Amounts = z.object({ inntekt: z.string(), forskuddstrekk: z.string() });

export const ReconciliationSchema = z.object({
  opplysningspliktig: z.string(),
  fra: z.string(),
  til: z.string(),
  fetchedAt: z.string(),
  /** One row per income recipient for the whole period: Skatteetaten's figures beside Innsender's. */
  recipients: z.array(
    z.object({
      identifikator: z.string(),
      navn: z.string().nullable(),
      skatteetaten: Amounts.nullable(),
      innsender: Amounts.nullable(),
      status: ReconcileStatusSchema,
    }),
  ),
  meldinger: z.array(
    z.object({
      meldingsId: z.string(),
      kalendermaaned: z.string(),
      atSkatteetaten: z.boolean(),
      sentByInnsender: z.boolean(),
    }),
  ),
  totals: z.object({
    skatteetaten: Amounts.extend({ arbeidsgiveravgift: z.string() }),
    innsender: Amounts,
    status: z.enum(['same', 'differs']),
  }),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

interface Sum {
  inntekt: bigint;
  forskuddstrekk: bigint;
  navn: string | null;
}

const amount = (text: string) => parseScaled(text) ?? 0n;

/**
 * Skatteetaten's report beside what Innsender sent for the same months: per income recipient (income and withheld
 * tax for the whole period), per melding (registered there, sent from here, or both) and in total. An a-melding
 * replaced by a later one Innsender sent no longer counts, as in a-ordningen. Amounts are exact decimals.
 */
export function reconcile(
  report: Avstemmingsrapport,
  sent: readonly SentAMelding[],
  fetchedAt: string,
): Reconciliation {
  const fra = report.fraOgMedKalendermaaned;
  const til = report.tilOgMedKalendermaaned;
  const replaced = new Set(sent.flatMap((m) => (m.erstatterMeldingsId ? [m.erstatterMeldingsId] : [])));
  const counted = sent.filter((m) => m.kalendermaaned >= fra && m.kalendermaaned <= til && !replaced.has(m.meldingsId));

  const theirs = new Map<string, Sum>();
  for (const r of report.inntektsmottakere) {
    const sum = theirs.get(r.identifikator) ?? { inntekt: 0n, forskuddstrekk: 0n, navn: r.navn ?? null };
    for (const i of r.inntekt) sum.inntekt += amount(i.beloep);
    sum.forskuddstrekk += amount(r.forskuddstrekk);
    theirs.set(r.identifikator, sum);
  }
  const ours = new Map<string, Sum>();
  for (const m of counted) {
    for (const v of m.leveranse.oppgave.virksomhet ?? []) {
      for (const person of v.inntektsmottaker ?? []) {
        const id = person.norskIdentifikator ?? person.identifiserendeInformasjon?.navn ?? '?';
        const sum = ours.get(id) ?? {
          inntekt: 0n,
          forskuddstrekk: 0n,
          navn: person.identifiserendeInformasjon?.navn ?? null,
        };
        for (const i of person.inntekt ?? []) sum.inntekt += amount(i.beloep);
        for (const f of person.forskuddstrekk ?? []) sum.forskuddstrekk += fromInteger(f.beloep);
        ours.set(id, sum);
      }
    }
  }

  const ids = [...new Set([...theirs.keys(), ...ours.keys()])].sort();
  const recipients = ids.map((identifikator) => {
    const a = theirs.get(identifikator);
    const b = ours.get(identifikator);
    const status: ReconcileStatus = !b
      ? 'only-skatteetaten'
      : !a
        ? 'only-innsender'
        : a.inntekt === b.inntekt && a.forskuddstrekk === b.forskuddstrekk
          ? 'same'
          : 'differs';
    return {
      identifikator,
      navn: a?.navn ?? b?.navn ?? null,
      skatteetaten: a ? amounts(a) : null,
      innsender: b ? amounts(b) : null,
      status,
    };
  });

  const registered = new Set(report.mottatteMeldinger.map((m) => m.meldingsId));
  const sentIds = new Set(counted.map((m) => m.meldingsId));
  const meldinger = [
    ...report.mottatteMeldinger.map((m) => ({ meldingsId: m.meldingsId, kalendermaaned: m.kalendermaaned })),
    ...counted.filter((m) => !registered.has(m.meldingsId)),
  ]
    .map((m) => ({
      meldingsId: m.meldingsId,
      kalendermaaned: m.kalendermaaned,
      atSkatteetaten: registered.has(m.meldingsId),
      sentByInnsender: sentIds.has(m.meldingsId),
    }))
    .sort((x, y) => x.kalendermaaned.localeCompare(y.kalendermaaned) || x.meldingsId.localeCompare(y.meldingsId));

  const total = (sums: Iterable<Sum>) => {
    let inntekt = 0n;
    let forskuddstrekk = 0n;
    for (const s of sums) {
      inntekt += s.inntekt;
      forskuddstrekk += s.forskuddstrekk;
    }
    return { inntekt, forskuddstrekk, navn: null };
  };
  const theirTotal = total(theirs.values());
  const ourTotal = total(ours.values());
  let aga = 0n;
  for (const a of report.arbeidsgiveravgift) aga += amount(a.beloep);
  return {
    opplysningspliktig: report.opplysningspliktig,
    fra,
    til,
    fetchedAt,
    recipients,
    meldinger,
    totals: {
      skatteetaten: { ...amounts(theirTotal), arbeidsgiveravgift: formatScaled(aga) },
      innsender: amounts(ourTotal),
      status:
        theirTotal.inntekt === ourTotal.inntekt &&
        theirTotal.forskuddstrekk === ourTotal.forskuddstrekk &&
        recipients.every((r) => r.status === 'same')
          ? 'same'
          : 'differs',
    },
  };
}

function amounts(sum: Sum) {
  return { inntekt: formatScaled(sum.inntekt), forskuddstrekk: formatScaled(sum.forskuddstrekk) };
}
