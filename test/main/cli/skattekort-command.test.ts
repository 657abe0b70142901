import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../cli/run-cli';
import {
  removeSandboxProfileFolder,
  sandboxProfileFolder,
  type SandboxProfileFolder,
} from '../support/sandbox-profile';
import { EMPLOYER } from '../support/skattekort-sandbox';

const VALID = ['01018010018', '15057010077'];

// `innsender skattekort …` on the app's data folder, against the emulator the CLI starts itself.
describe('innsender skattekort', () => {
  let folder: SandboxProfileFolder;
  let dataDir: string;
  const cli = (...argv: string[]) => runCliCaptured(dataDir, ['--lang', 'en', ...argv], process.env);
  const csv = async (name: string, content: string) => {
    const path = join(dataDir, name);
    await writeFile(path, content);
    return path;
  };

  beforeAll(async () => {
    folder = await sandboxProfileFolder({
      name: 'cli-skattekort',
      orgNumber: EMPLOYER,
      displayName: 'Eksempel AS',
      services: ['skattekort-til-arbeidsgiver'],
    });
    dataDir = folder.dataDir;
    // The setup asks for the environment's skattekort scope (the documented one by default).
    expect(folder.registered.scopes.services).toEqual(['skatteetaten:forskudd']);
  });
  afterAll(async () => {
    await removeSandboxProfileFolder(folder);
  });

  it('persons: lists a CSV’s employees with each check; exit 1 when any cannot be ordered', async () => {
    const file = await csv('ansatte.csv', `fnr;navn\n${VALID[0]};Kari\n01018010019;Ola\n`);
    const result = await cli('skattekort', 'persons', file);
    expect(result.code).toBe(1);
    expect(result.out).toContain('ansatte.csv: 1 of 2 can be ordered');
    expect(result.out).toMatch(/! 01018010019 {2}Ola \(line 3\) {2}.*check digits/);
  });

  it('order: refuses ids that cannot be ordered unless told to skip them (exit 1)', async () => {
    const file = await csv('feil.csv', `${VALID[0]}\n12345678901\n`);
    const result = await cli('skattekort', 'order', file, '--email', 'lonn@example.no');
    expect(result.code).toBe(1);
    expect(result.err).toContain('SKATTEKORT_INVALID_PERSONS');
  });

  it('order: with no a-melding draft and no file, says what to do (exit 2)', async () => {
    const result = await cli('skattekort', 'order', '--email', 'lonn@example.no');
    expect(result.code).toBe(2);
    expect(result.err).toContain('SKATTEKORT_NO_AMELDING_DRAFT');
  });

  it('order: sends through the outbox, waits, and prints what to withhold per employee (exit 0)', async () => {
    const file = await csv('ok.csv', `Navn,Fødselsnummer\nKari,${VALID[0]}\nOla,${VALID[1]}\n`);
    const result = await cli('skattekort', 'order', file, '--email', 'lonn@example.no', '--no-notify');
    // The CLI's desktop shows the "answer ready" notification on stderr; nothing else goes there.
    expect(result.err.trim()).toMatch(/^Skattekortene er klare: .*2 arbeidstakere/);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/received {2}Skattekort \d{4} \(2 arbeidstakere\)/);
    expect(result.out).toMatch(/Answer to [0-9a-f-]{36} .*: 2 employees/);
    for (const id of VALID) expect(result.out).toContain(id);
    expect(result.out).toMatch(/Withhold|Tax-free|No tax card/);

    // The same order again (a rerun): Skatteetaten is not asked twice; the first order's receipt and answer.
    const id = /^([0-9a-f-]{36}) {2}received/m.exec(result.out)?.[1];
    const rerun = await cli('skattekort', 'order', file, '--email', 'lonn@example.no', '--no-notify');
    expect(rerun.code).toBe(0);
    expect(rerun.out).toMatch(
      /^Already sent on \d{1,2} [A-Z][a-z]+ \d{4}, receipt [0-9a-f-]{36} \(Skattekort \d{4} \(2 arbeidstakere\)\)\.$/m,
    );
    expect(rerun.out).toContain(`${id}  received`);
    const bestillingsreferanse = /^Already sent on .*, receipt ([0-9a-f-]{36})/m.exec(rerun.out)?.[1];
    expect(rerun.out).toMatch(new RegExp(`^Answer to ${bestillingsreferanse} .*: 2 employees$`, 'm'));
    const orders = JSON.parse((await cli('--json', 'outbox', 'list')).out) as { value: { submissions: unknown[] } };
    expect(orders.value.submissions).toHaveLength(1);
  }, 30_000);

  it('a queued order is answered by the next run (polling resumes after a restart), and exported', async () => {
    const file = await csv('neste.csv', `${VALID[1]}\n`);
    const queued = await cli('--json', 'skattekort', 'order', file, '--email', 'lonn@example.no', '--no-wait');
    expect(queued.code).toBe(0);
    const { value } = JSON.parse(queued.out) as { value: { id: string } };
    const out = join(dataDir, 'skattekort.csv');
    const answer = await cli('skattekort', 'answer', value.id, '--csv', out);
    expect(answer.err.trim()).toMatch(/^Skattekortene er klare: .*1 arbeidstaker /);
    expect(answer.code).toBe(0);
    expect(answer.out).toContain(`Wrote ${out}`);
    const content = await readFile(out, 'utf8');
    expect(content.split('\r\n')[0]).toContain('arbeidstakeridentifikator');
    expect(content).toContain(`${EMPLOYER};${VALID[1]}`);

    const list = await cli('skattekort', 'list');
    expect(list.out.match(/answer ready \(\d employees/g)).toHaveLength(2);
  }, 30_000);
});
