import { describe, expect, it } from 'vitest';
import { AvstemmingsrapportSchema } from '../../../shared/avstemming/avstemmingsrapport';
import { reconcile, type SentAMelding } from '../../../shared/avstemming/reconcile';
import { reconciliationAsCsv } from '../../../shared/avstemming/reconciliation-csv';
import type { Leveranse } from '../../../shared/reports/amelding/model';

/** A leveranse with one virksomhet and the given people (income as decimal text, withholding negative). */
function leveranse(
  meldingsId: string,
  people: { id: string; navn?: string; inntekt: string[]; trekk: number }[],
): Leveranse {
  return {
    leveringstidspunkt: '2026-02-05T10:00:00Z',
    kalendermaaned: '2026-01',
    kildesystem: 'test',
    meldingsId,
    opplysningspliktig: { norskIdentifikator: '211785462' },
    oppgave: {
      virksomhet: [
        {
          norskIdentifikator: '314768949',
          inntektsmottaker: people.map((p) => ({
            norskIdentifikator: p.id,
            forskuddstrekk: [{ beloep: p.trekk }],
            inntekt: p.inntekt.map((beloep) => ({
              fordel: 'kontantytelse',
              utloeserArbeidsgiveravgift: true,
              inngaarIGrunnlagForTrekk: true,
              beloep,
              loennsinntekt: { beskrivelse: 'fastloenn' },
            })),
          })),
        },
      ],
    },
  } as unknown as Leveranse;
}

const sent = (meldingsId: string, people: Parameters<typeof leveranse>[1], erstatter?: string): SentAMelding => ({
  meldingsId,
  kalendermaaned: '2026-01',
  ...(erstatter ? { erstatterMeldingsId: erstatter } : {}),
  receivedAt: '2026-02-05T10:00:00Z',
  leveranse: leveranse(meldingsId, people),
});

const report = AvstemmingsrapportSchema.parse({
  opplysningspliktig: '211785462',
  fraOgMedKalendermaaned: '2026-01',
  tilOgMedKalendermaaned: '2026-01',
  mottatteMeldinger: [
    { meldingsId: 'm-2', kalendermaaned: '2026-01' },
    { meldingsId: 'from-payroll', kalendermaaned: '2026-01' },
  ],
  inntektsmottakere: [
    // Amounts as numbers or decimal strings: both are read, exactly.
    {
      identifikator: '08842199736',
      navn: 'Kari',
      kalendermaaned: '2026-01',
      inntekt: [{ beskrivelse: 'fastloenn', beloep: 40000.5 }],
      forskuddstrekk: '-12000',
    },
    {
      identifikator: '01010112345',
      kalendermaaned: '2026-01',
      inntekt: [{ beskrivelse: 'timeloenn', beloep: '1000.10' }],
      forskuddstrekk: 0,
    },
  ],
  arbeidsgiveravgift: [{ kalendermaaned: '2026-01', sone: '1', grunnlag: '41000.60', beloep: '5781' }],
});

describe('reconciling the avstemmingsrapport with what Innsender sent', () => {
  it('matches per income recipient, flags differences and who is only on one side, and leaves replaced meldinger out', () => {
    const view = reconcile(
      report,
      [
        // m-1 was replaced by m-2: only m-2 counts.
        sent('m-1', [{ id: '08842199736', inntekt: ['99999'], trekk: -1 }]),
        sent(
          'm-2',
          [
            { id: '08842199736', inntekt: ['40000.50'], trekk: -12000 },
            { id: '02020254321', inntekt: ['500'], trekk: -100 },
          ],
          'm-1',
        ),
      ],
      '2026-02-06T08:00:00Z',
    );
    expect(view.recipients.map((r) => [r.identifikator, r.status])).toEqual([
      ['01010112345', 'only-skatteetaten'],
      ['02020254321', 'only-innsender'],
      ['08842199736', 'same'],
    ]);
    expect(view.recipients[2]).toMatchObject({
      navn: 'Kari',
      skatteetaten: { inntekt: '40000.5', forskuddstrekk: '-12000' },
    });
    expect(view.meldinger).toEqual([
      { meldingsId: 'from-payroll', kalendermaaned: '2026-01', atSkatteetaten: true, sentByInnsender: false },
      { meldingsId: 'm-2', kalendermaaned: '2026-01', atSkatteetaten: true, sentByInnsender: true },
    ]);
    expect(view.totals).toEqual({
      skatteetaten: { inntekt: '41000.6', forskuddstrekk: '-12000', arbeidsgiveravgift: '5781' },
      innsender: { inntekt: '40500.5', forskuddstrekk: '-12100' },
      status: 'differs',
    });
  });

  it('says "differs" when one amount is off by an øre', () => {
    const one = AvstemmingsrapportSchema.parse({
      ...report,
      mottatteMeldinger: [],
      inntektsmottakere: [report.inntektsmottakere[0]],
    });
    const view = reconcile(one, [sent('m', [{ id: '08842199736', inntekt: ['40000.51'], trekk: -12000 }])], 'x');
    expect(view.recipients[0]?.status).toBe('differs');
    expect(view.totals.status).toBe('differs');
  });

  it('exports one row per recipient and a SUM row, ;-separated with dot decimals', () => {
    const csv = reconciliationAsCsv(reconcile(report, [], '2026-02-06T08:00:00Z'));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'fraOgMed;tilOgMed;identifikator;navn;inntektSkatteetaten;inntektInnsender;forskuddstrekkSkatteetaten;forskuddstrekkInnsender;status',
    );
    expect(lines).toContain('2026-01;2026-01;08842199736;Kari;40000.5;;-12000;;only-skatteetaten');
    expect(lines.at(-1)).toBe('2026-01;2026-01;SUM;;41000.6;0;-12000;0;differs');
  });

  it('refuses a report without its org or period, so a wrong guess of the format is noticed', () => {
    expect(AvstemmingsrapportSchema.safeParse({ inntektsmottakere: [] }).success).toBe(false);
  });
});
