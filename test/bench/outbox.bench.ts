import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, bench, describe } from 'vitest';
import { createKeytarKeyStore } from '../../main/keys/keytar-key-store';
import { keychainAuditKeyring } from '../../main/outbox/audit-key';
import { AuditLog } from '../../main/outbox/audit-log';
import { createOutbox } from '../../main/outbox/outbox';
import { openSqliteStore } from '../../main/store/sqlite/sqlite-store';
import { OutboxStore } from './json-outbox-store';
import type { Submission } from '../../main/outbox/submission';
import { aMeldingBody } from '../main/support/report-fixtures';

// Never started: enqueue and state writes only, no transport.
const idle = { send: async () => ({ dialogId: 'd', forsendelseId: 'f' }) };
const body = aMeldingBody('bench');
let n = 0;
const input = () => {
  n += 1;
  return {
    label: `bench-${n}`,
    target: {
      service: 'a-melding' as const,
      kalendermaaned: '2026-01',
      opplysningspliktig: '211785462',
      meldingsId: `b${n}`,
    },
    // Bytes of its own: the same bytes for the same organisation are the same report (duplicate-guard.ts).
    payload: { service: 'a-melding' as const, body: aMeldingBody(`b${n}`) },
  };
};

describe('outbox durability cost (each op is fsync-bound)', () => {
  // The audit logs are anchored as the app's are: an HMAC key in the real keychain (scripts/with-keyring.sh), read
  // once when the log opens, so an append adds two HMACs and no keychain call.
  const keyStore = createKeytarKeyStore({ service: `no.innsender.bench.${randomUUID()}` });
  const keyring = () => keychainAuditKeyring(keyStore, randomUUID());
  afterAll(async () => {
    for (const account of await keyStore.list()) await keyStore.delete(account);
  });

  const plain = createOutbox({ dir: mkdtempSync(join(tmpdir(), 'bench-outbox-')), transport: idle });
  bench('enqueue (payload + record, both fsync’d)', async () => {
    await plain.enqueue(input());
  });

  const audited = createOutbox({
    dir: mkdtempSync(join(tmpdir(), 'bench-outbox-audit-')),
    transport: idle,
    audit: new AuditLog(join(mkdtempSync(join(tmpdir(), 'bench-audit-')), 'audit.jsonl'), undefined, keyring()),
  });
  bench('enqueue with the audit entry', async () => {
    await audited.enqueue(input());
  });

  const storeDir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const store = new OutboxStore(storeDir);
  const record: Submission = {
    id: '00000000-0000-4000-8000-000000000001',
    idempotencyKey: '00000000-0000-4000-8000-000000000002',
    payloadSha256: 'a'.repeat(64),
    payloadBytes: body.length,
    label: 'bench',
    target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: '211785462', meldingsId: 'b' },
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    attempts: 1,
    checkpoint: {},
    state: { kind: 'sending', since: new Date().toISOString(), attempt: 1 },
  };
  bench('state change, before: atomic replace of one JSON file', async () => {
    await store.write(record);
  });

  // The same change as one committed transaction in the database, at each `synchronous` level (README: why FULL).
  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    const repository = openSqliteStore(mkdtempSync(join(tmpdir(), `bench-db-${synchronous}-`)), {
      synchronous,
    }).submissions('bench');
    bench(`state change, database (synchronous=${synchronous})`, async () => {
      await repository.write(record);
    });
  }

  const log = new AuditLog(join(mkdtempSync(join(tmpdir(), 'bench-audit-only-')), 'audit.jsonl'));
  bench('audit append, not anchored (line + head)', async () => {
    await log.append({ event: 'attempt', submissionId: record.id, attempt: 1 });
  });

  const anchored = new AuditLog(
    join(mkdtempSync(join(tmpdir(), 'bench-audit-anchored-')), 'audit.jsonl'),
    undefined,
    keyring(),
  );
  bench('audit append, anchored (line + MAC + head + MAC)', async () => {
    await anchored.append({ event: 'attempt', submissionId: record.id, attempt: 1 });
  });
});
