import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../cli/run-cli';
import {
  removeSandboxProfileFolder,
  sandboxProfileFolder,
  type SandboxProfileFolder,
} from '../support/sandbox-profile';

const ORG = '974761076';
const FIXTURES = join(__dirname, '../../fixtures/tredjepart');

// `innsender tredjepart validate|submit` on the app's data folder, against the emulator the CLI starts itself.
describe('innsender tredjepart', () => {
  let folder: SandboxProfileFolder;
  let dataDir: string;
  const cli = (...argv: string[]) => runCliCaptured(dataDir, ['--lang', 'en', ...argv], process.env);
  const fixture = async (name: string, edit: (text: string) => string = (t) => t) => {
    const path = join(dataDir, name);
    await writeFile(
      path,
      edit(await readFile(join(FIXTURES, name.replace(/^.*?-(?=[a-z]+\.(json|csv)$)/, '')), 'utf8')),
    );
    return path;
  };

  beforeAll(async () => {
    folder = await sandboxProfileFolder({
      name: 'cli-tredjepart',
      orgNumber: ORG,
      displayName: 'Fjellstue AS',
      services: ['tredjepart-boligsameie'],
    });
    dataDir = folder.dataDir;
  });
  afterAll(async () => {
    await removeSandboxProfileFolder(folder);
  });

  it('validates a good file (exit 0) and prints its summary; --json gives the check result', async () => {
    const path = await fixture('boligsameie.json');
    const result = await cli('tredjepart', 'validate', 'boligsameie', path);
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out).toContain('Housing co-ownership (RF-1140)');
    expect(result.out).toContain('Ready to submit.');
    expect(result.out).toContain('income year 2025  reporter 974 761 076  records 2');
    expect(result.out).toContain('Assets: 11,888 kr');
    const json = JSON.parse((await cli('--json', 'tredjepart', 'validate', 'boligsameie', path)).out);
    expect(json).toMatchObject({ ok: true, value: { kind: 'tredjepart', scheme: 'boligsameie', valid: true } });
  });

  it('exits 1 with the findings when the file has errors, 2 when it cannot be read, 2 for an unknown scheme', async () => {
    const wrong = await fixture('feil-boligsameie.json', (t) =>
      t.replace('"antallOppgaver": 2', '"antallOppgaver": 5'),
    );
    const failed = await cli('tredjepart', 'validate', 'boligsameie', wrong);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/ERROR TREDJEPART_COUNT_MISMATCH {2}leveranse\/oppgaveoppsummering\/antallOppgaver/);
    const broken = await fixture('brukket-boligsameie.json', () => '{ not json');
    expect((await cli('tredjepart', 'validate', 'boligsameie', broken)).code).toBe(2);
    expect((await cli('tredjepart', 'validate', 'pensjon', broken)).code).toBe(2);
    expect((await cli('tredjepart', 'validate', 'gavertilfrivillige', join(dataDir, 'finnes-ikke.json'))).code).toBe(2);
  });

  it('validates a CSV with the income year given', async () => {
    const csv = join(dataDir, 'gaver.csv');
    await copyFile(join(FIXTURES, 'gavertilfrivillige.csv'), csv);
    const json = JSON.parse(
      (await cli('--json', 'tredjepart', 'validate', 'gavertilfrivillige', csv, '--inntektsaar', '2025')).out,
    );
    expect(json.value).toMatchObject({
      format: 'csv',
      valid: true,
      summary: { inntektsaar: '2025', antallOppgaver: 3 },
    });
    expect((await cli('tredjepart', 'validate', 'gavertilfrivillige', csv, '--inntektsaar', '25')).code).toBe(2);
  });

  it('submits a file through the outbox and waits for the receipt (exit 0); refuses one with errors (exit 1)', async () => {
    const result = await cli('tredjepart', 'submit', 'boligsameie', await fixture('boligsameie.json'));
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out).toMatch(/^[0-9a-f-]{36} +received +Boligsameie \(RF-1140\) 2025 \(974761076\)$/m);
    expect(result.out).toMatch(/dialogId [0-9a-f-]{36} {2}forsendelseId [0-9a-f-]{36}/);
    const wrong = await fixture('feil2-boligsameie.json', (t) =>
      t.replace('"sumAndelGjeld": 27709', '"sumAndelGjeld": 1'),
    );
    const refused = await cli('--json', 'tredjepart', 'submit', 'boligsameie', wrong);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'OUTBOX_DRAFT_INVALID' } });
    // The cause first: the finding, then what it means.
    const plain = await cli('tredjepart', 'submit', 'boligsameie', wrong);
    expect(plain.err).toMatch(/^OUTBOX_DRAFT_INVALID: TREDJEPART_SUM_MISMATCH: .*\n {2}- TREDJEPART_SUM_MISMATCH /m);

    // Changed content under the leveransereferanse Skatteetaten has: refused, naming the first delivery.
    const changed = await fixture('endret-boligsameie.json', (t) =>
      t.replace('"kildesystem"', '"merknad": "x", "kildesystem"'),
    );
    const again = await cli('tredjepart', 'submit', 'boligsameie', changed);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /^OUTBOX_ALREADY_SENT: Skatteetaten already has leveranse Sameie-2025-1 for 2025 with other content\. Already sent on \d{1,2} [A-Z][a-z]+ \d{4}, receipt /,
    );
    // The one that was sent is in the outbox, the refused one is not.
    const listed = JSON.parse((await cli('--json', 'outbox', 'list')).out);
    expect(listed.value.submissions).toHaveLength(1);
  });

  it('says first that the systembruker lacks the scheme’s service (MP-303) when it was not chosen in the setup', async () => {
    // The profile's systembruker has boligsameie only; Maskinporten refuses a boligselskap token with MP-303.
    const result = await cli('tredjepart', 'submit', 'boligselskap', await fixture('boligselskap.json'));
    expect(result.code).toBe(3);
    expect(result.out).toMatch(/^[0-9a-f-]{36} +failed +Boligselskap \(RF-1139\) 2025 \(974761076\)$/m);
    expect(result.out).toMatch(
      /^ {2}MASKINPORTEN_SERVICE_NOT_GRANTED: MP-303: The systembruker for 974761076 has not been given the service Third-party data: housing companies \(skatteetaten:innrapporteringboligselskap\)\./m,
    );
    expect(result.out).toMatch(/^ {4}- MASKINPORTEN_SYSTEMUSER_NOT_FOUND \(MP-303\)$/m);
  });
});
