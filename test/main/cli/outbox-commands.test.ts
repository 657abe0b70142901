import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../cli/run-cli';
import { outboxPaths } from '../../../main/outbox/outbox-workers';
import {
  removeSandboxProfileFolder,
  sandboxProfileFolder,
  type SandboxProfileFolder,
} from '../support/sandbox-profile';
import { aMeldingBody, fixtureText } from '../support/report-fixtures';
import { AMELDING_ORG, seedForeignAMelding } from '../support/skatteetaten-sandbox';
import { testAppServices } from '../support/test-app-services';

// `innsender submit`, `outbox` and `audit` on the app's data folder, against the emulator the CLI starts itself.
describe('innsender submit, outbox and audit', () => {
  let folder: SandboxProfileFolder;
  let dataDir: string;
  const cli = (...argv: string[]) => runCliCaptured(dataDir, ['--lang', 'en', ...argv], process.env);
  const file = async (name: string, content: string) => {
    const path = join(dataDir, name);
    await writeFile(path, content);
    return path;
  };

  beforeAll(async () => {
    // The setup through the app's channels on the same data folder, to an approved systembruker.
    folder = await sandboxProfileFolder({
      name: 'cli-outbox',
      orgNumber: AMELDING_ORG,
      displayName: 'Eksempel AS',
      services: ['a-melding'],
    });
    dataDir = folder.dataDir;
  });
  afterAll(async () => {
    await removeSandboxProfileFolder(folder);
  });

  it('submits a report file: checked, saved as a draft, sent, and received with the receipt (exit 0)', async () => {
    const result = await cli('submit', await file('januar.json', aMeldingBody('cli-1')));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^[0-9a-f-]{36} +received +A-melding 2026-01 \(cli-1\)$/m);
    expect(result.out).toMatch(/dialogId [0-9a-f-]{36} {2}forsendelseId [0-9a-f-]{36}/);
    // When, as a person reads it (shared/format, Norwegian time), not an ISO timestamp.
    expect(result.out).toMatch(/ {2}received \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} {2}dialogId/);

    const listed = await cli('outbox');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('received   A-melding 2026-01 (cli-1)');
    const json = JSON.parse((await cli('--json', 'outbox', 'list')).out) as {
      ok: boolean;
      value: { submissions: { state: { kind: string; receipt: { meldingsId: string } } }[] };
    };
    expect(json.ok).toBe(true);
    expect(json.value.submissions[0]?.state).toMatchObject({ kind: 'received', receipt: { meldingsId: 'cli-1' } });
  });

  it('answers a rerun of a received a-melding with its receipt (exit 0); other content under its meldingsId is refused with the cause first (exit 1)', async () => {
    const first = JSON.parse((await cli('--json', 'outbox', 'list')).out) as {
      value: { submissions: { id: string; state: { receipt: { forsendelseId: string } } }[] };
    };
    const receipt = first.value.submissions[0]?.state.receipt.forsendelseId ?? '-';
    const again = await cli('submit', await file('januar-igjen.json', aMeldingBody('cli-1')));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(new RegExp(`^Already sent on \\d{1,2} [A-Z][a-z]+ \\d{4}, receipt ${receipt} `));
    expect(again.out).toContain(`${first.value.submissions[0]?.id}  received `);

    // The same meldingsId with other content: the re-check's own finding is the headline, not a bare code.
    const changed = await cli('submit', await file('januar-endret.json', aMeldingBody('cli-1', { kildesystem: 'x' })));
    expect(changed.code).toBe(1);
    expect(changed.err).toMatch(/^OUTBOX_DRAFT_INVALID: AMELDING_MELDINGSID_NOT_UNIQUE: /);
    const listed = JSON.parse((await cli('--json', 'outbox', 'list')).out) as { value: { submissions: unknown[] } };
    expect(listed.value.submissions).toHaveLength(1);
  });

  it('submits a saved draft by its id; Skatteetaten rejects a used meldingsId (exit 1, code and korrelasjonsid)', async () => {
    // A meldingsId the business's payroll system sent: Innsender cannot know it, so only the server refuses it.
    const { services } = testAppServices(dataDir);
    try {
      await services.sandbox.ensureRunning();
      const sandbox = services.sandbox.running();
      if (!sandbox) throw new Error('the sandbox is not running');
      const melding = { org: AMELDING_ORG, kalendermaaned: '2026-01', meldingsId: 'lonnssystem-1' };
      expect(await seedForeignAMelding(sandbox, melding)).toBe(201);
    } finally {
      await services.dispose();
    }
    const again = await cli('--json', 'submit', await file('fra-lonnssystemet.json', aMeldingBody('lonnssystem-1')));
    expect(again.code).toBe(1);
    const value = (
      JSON.parse(again.out) as {
        value: {
          id: string;
          draftId: string;
          state: { kind: string; error: { code: string; korrelasjonsid: string } };
        };
      }
    ).value;
    expect(value.state).toMatchObject({ kind: 'rejected', error: { code: 'SKATTEETATEN_AMLD_010' } });
    expect(value.state.error.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);

    // The same draft by its id: one live submission per draft, so the rejected one is sent as a new submission.
    const byId = await cli('submit', value.draftId);
    expect(byId.code).toBe(1);
    expect(byId.out).toContain('SKATTEETATEN_AMLD_010');
    expect(byId.out).toMatch(/korrelasjonsid [0-9a-f-]{36}/);

    const invalid = await cli(
      'submit',
      await file(
        'feil.json',
        fixtureText('amelding-example.json').replace('"sumForskuddstrekk": 12000', '"sumForskuddstrekk": 13000'),
      ),
    );
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('OUTBOX_DRAFT_INVALID');
    expect((await cli('submit', 'f'.repeat(32))).code).toBe(2);
    expect((await cli('submit', 'not-a-draft')).code).toBe(2);
    expect((await cli('outbox', 'cancel', value.id)).err).toContain('OUTBOX_CANNOT_CANCEL');
    expect((await cli('outbox', 'retry', value.id)).code).toBe(2);
  });

  it('verifies the audit log (exit 0, or 1 at the changed line) and exports it as CSV and JSON', async () => {
    const verified = await cli('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^The audit log is intact: \d+ entries, last hash [0-9a-f]{64}\.\n$/);
    const json = JSON.parse((await cli('--json', 'audit', 'verify')).out) as { value: { anchored: boolean } };
    expect(json.value.anchored).toBe(true);
    expect((await cli('audit')).code).toBe(0);

    const out = join(dataDir, 'audit.json');
    expect((await cli('audit', 'export', '--format', 'json', '--out', out)).out).toBe(`Wrote ${out}\n`);
    const entries = JSON.parse(await readFile(out, 'utf8')) as { event: string }[];
    expect(entries.map((e) => e.event)).toEqual(expect.arrayContaining(['queued', 'attempt', 'received', 'rejected']));
    const csv = await cli('audit', 'export', '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toMatch(/^seq,at,event,submissionId/);
    expect((await cli('audit', 'export', '--format', 'xml')).code).toBe(2);

    const log = outboxPaths(dataDir, folder.profileId).audit;
    const original = await readFile(log, 'utf8');
    const lines = original.split('\n');
    lines[1] = JSON.stringify({ ...JSON.parse(lines[1] ?? '{}'), attempt: 7 });
    await writeFile(log, lines.join('\n'));
    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^The audit log is not intact \(1 findings\):\n {2}line 2: Its content does not match/);
    expect(broken.out).toContain('[AUDIT_HASH]');
    const norsk = await runCliCaptured(dataDir, ['--lang', 'nb', 'audit', 'verify'], process.env);
    expect(norsk.code).toBe(1);
    expect(norsk.out).toContain('linje 2: Innholdet stemmer ikke med hashen');

    // The head rewritten to hide entries cut off the end: no MAC with the keychain's key, so it is found.
    await writeFile(log, original);
    const kept = original.split('\n').filter(Boolean).slice(0, 2);
    await writeFile(log, `${kept.join('\n')}\n`);
    const last = JSON.parse(kept[1] ?? '{}') as { seq: number; hash: string };
    await writeFile(`${log}.head`, JSON.stringify({ seq: last.seq, hash: last.hash }));
    const cut = await cli('audit', 'verify');
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('audit.jsonl: The head file (entry 2) was not written by Innsender');
    expect(cut.out).toContain('[AUDIT_SUBMISSION_MISSING]');
  });
});
