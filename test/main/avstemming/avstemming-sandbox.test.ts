import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvstemmingClient } from '../../../main/avstemming/avstemming-client';
import { sandboxEndpoints } from '../../../main/environments/table';
import { SkatteetatenError } from '../../../main/skatteetaten/skatteetaten-errors';
import { createSkatteetatenHttp } from '../../../main/skatteetaten/skatteetaten-http';
import { reconcile, type SentAMelding } from '../../../shared/avstemming/reconcile';
import { readReportDocument } from '../../../shared/reports/read-report-document';
import { aMeldingBody } from '../support/report-fixtures';
import {
  AMELDING_ORG,
  clientsFor,
  startSkatteetatenSandbox,
  type SkatteetatenSandbox,
} from '../support/skatteetaten-sandbox';

/**
 * The avstemmingsrapport against the sandbox. What Skatteetaten publishes is held here: the scope
 * `skatteetaten:innrapporteringamelding`, the right `ske-avstemmingsinformasjon-amelding`, and the AMLD codes of
 * the "Feilkoder" tab (AMLD_005/AMLD_1015 for access, AMLD_006/AMLD_1022 for parameters), all from
 * Skatteetaten/api-dokumentasjon docs/api/avstemmingsrapport-amelding.md @ 3e022611adbd223a0de6a792623a3ce2bf8b6fad.
 * The page's "Eksempler" tab says "Ikke tilgjengelig": there is no published answer to take a fixture from, so the
 * answer's shape is Innsender's assumption (shared/avstemming/avstemmingsrapport.ts), and the body sent is the
 * project's a-melding example (test/fixtures/reports/amelding-example.json).
 */
describe('the a-melding avstemmingsrapport against the sandbox', () => {
  let sandbox: SkatteetatenSandbox;
  let withoutRight: SkatteetatenSandbox;
  beforeAll(async () => {
    sandbox = await startSkatteetatenSandbox([AMELDING_ORG], { services: ['a-melding', 'a-melding-avstemming'] });
    withoutRight = await startSkatteetatenSandbox([AMELDING_ORG], { services: ['a-melding'] });
  });
  afterAll(async () => {
    await sandbox.host.stop();
    await withoutRight.host.stop();
  });

  const client = (s: SkatteetatenSandbox) =>
    new AvstemmingClient({
      http: createSkatteetatenHttp({ tokens: s.tokensFor(AMELDING_ORG) }),
      base: sandboxEndpoints(s.host.baseUrl).skatteetaten.ameldingAvstemming as string,
    });

  it('reports what was registered for the month, and a replaced melding no longer counts', async () => {
    const { amelding } = clientsFor(sandbox, AMELDING_ORG);
    const send = (body: string) =>
      amelding.submit({
        kalendermaaned: '2026-01',
        opplysningspliktig: AMELDING_ORG,
        body,
        idempotencyKey: randomUUID(),
      });
    await send(aMeldingBody('avst-1'));
    await send(aMeldingBody('avst-2', { erstatterMeldingsId: 'avst-1' }));

    const report = await client(sandbox).fetchReport(AMELDING_ORG, { kind: 'month', kalendermaaned: '2026-01' });
    expect(report.mottatteMeldinger.map((m) => m.meldingsId)).toEqual(['avst-2']);
    expect(report.inntektsmottakere.map((r) => r.identifikator)).toEqual(['08842199736']);
    // The example's one employee: 40 000 kr in income and 12 000 kr withheld; 5 640 kr employer's contribution.
    expect(report.sum).toEqual({ inntekt: '40000', forskuddstrekk: '-12000', arbeidsgiveravgift: '5640' });

    const sent: SentAMelding[] = ['avst-1', 'avst-2'].map((id, i) => {
      const read = readReportDocument(aMeldingBody(id, i ? { erstatterMeldingsId: 'avst-1' } : {}), 'a.json');
      if (read.kind !== 'amelding') throw new Error('fixture');
      return {
        meldingsId: id,
        kalendermaaned: '2026-01',
        ...(i ? { erstatterMeldingsId: 'avst-1' } : {}),
        receivedAt: '2026-02-01T10:00:00Z',
        leveranse: read.document.leveranse,
      };
    });
    const view = reconcile(report, sent, '2026-02-02T10:00:00Z');
    expect(view.totals.status).toBe('same');
    expect(view.recipients).toEqual([expect.objectContaining({ identifikator: '08842199736', status: 'same' })]);
    expect(view.meldinger).toEqual([
      { meldingsId: 'avst-2', kalendermaaned: '2026-01', atSkatteetaten: true, sentByInnsender: true },
    ]);

    const year = await client(sandbox).fetchReport(AMELDING_ORG, { kind: 'year', aar: '2026' });
    expect([year.fraOgMedKalendermaaned, year.tilOgMedKalendermaaned]).toEqual(['2026-01', '2026-12']);
    expect((await client(sandbox).fetchReport(AMELDING_ORG, { kind: 'year', aar: '2025' })).inntektsmottakere).toEqual(
      [],
    );
  });

  it('refuses a system user without the avstemming right with AMLD_005, naming the right', async () => {
    const error = await client(withoutRight)
      .fetchReport(AMELDING_ORG, { kind: 'month', kalendermaaned: '2026-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkatteetatenError);
    expect((error as SkatteetatenError).status).toBe(403);
    expect((error as SkatteetatenError).code).toBe('SKATTEETATEN_AMLD_005');
    expect(JSON.stringify((error as SkatteetatenError).body)).toContain('ske-avstemmingsinformasjon-amelding');
  });

  it('refuses another org and a bad period with the documented codes', async () => {
    const http = createSkatteetatenHttp({ tokens: sandbox.tokensFor(AMELDING_ORG) });
    const base = sandboxEndpoints(sandbox.host.baseUrl).skatteetaten.ameldingAvstemming as string;
    const get = (path: string) =>
      http
        .send({ method: 'GET', url: new URL(`${base}${path}`), scope: 'skatteetaten:innrapporteringamelding' })
        .catch((e: unknown) => e as SkatteetatenError);
    const other = await get('/314259521?fraOgMedKalendermaaned=2026-01&tilOgMedKalendermaaned=2026-01');
    expect((other as SkatteetatenError).status).toBe(403);
    const reversed = await get(`/${AMELDING_ORG}?fraOgMedKalendermaaned=2026-05&tilOgMedKalendermaaned=2026-01`);
    expect([(reversed as SkatteetatenError).status, (reversed as SkatteetatenError).code]).toEqual([
      400,
      'SKATTEETATEN_AMLD_006',
    ]);
  });
});
