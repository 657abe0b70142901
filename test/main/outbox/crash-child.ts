// The outbox in a process of its own, for outbox-crash.test.ts to SIGKILL: it enqueues a batch of a-meldinger
// (each once: the draft id dedupes across restarts) and sends them to the emulator the test started.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxEndpoints } from '../../../main/environments/table';
import type { KeyMaterial } from '../../../main/keys/key-material';
import { MaskinportenTokens } from '../../../main/maskinporten/maskinporten-tokens';
import { createKeytarKeyStore } from '../../../main/keys/keytar-key-store';
import { keychainAuditKeyring } from '../../../main/outbox/audit-key';
import { AuditLog } from '../../../main/outbox/audit-log';
import { createOutbox } from '../../../main/outbox/outbox';
import { skatteetatenTransport } from '../../../main/outbox/transport';
import { AMeldingClient } from '../../../main/skatteetaten/amelding-client';
import { AksjonaerregisterClient } from '../../../main/skatteetaten/aksjonaerregister-client';
import { createSkatteetatenHttp } from '../../../main/skatteetaten/skatteetaten-http';
import { systemUserTokens } from '../../../main/skatteetaten/skatteetaten-tokens';
import { memorySigner } from '../support/maskinporten-sandbox';
import { aMeldingBody } from '../support/report-fixtures';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const CRASH_BASE_URL = env('CRASH_BASE_URL');
const CRASH_CLIENT_ID = env('CRASH_CLIENT_ID');
const CRASH_KEY_FILE = env('CRASH_KEY_FILE');
const CRASH_DIR = env('CRASH_DIR');
const CRASH_ORG = env('CRASH_ORG');
const CRASH_COUNT = env('CRASH_COUNT');
const CRASH_KEYCHAIN_SERVICE = env('CRASH_KEYCHAIN_SERVICE');

const endpoints = sandboxEndpoints(CRASH_BASE_URL);
const material = JSON.parse(readFileSync(CRASH_KEY_FILE, 'utf8')) as KeyMaterial;
const { signer } = await memorySigner(material);
const maskinporten = new MaskinportenTokens({
  issuer: endpoints.maskinporten.issuer,
  tokenEndpoint: endpoints.maskinporten.tokenEndpoint,
  clientId: CRASH_CLIENT_ID,
  signer: async () => signer,
});
const http = createSkatteetatenHttp({
  tokens: systemUserTokens(maskinporten, { orgNumber: CRASH_ORG }),
  timeoutMs: 5_000,
});
const outbox = createOutbox({
  dir: CRASH_DIR,
  transport: skatteetatenTransport({
    amelding: new AMeldingClient({ http, base: endpoints.skatteetaten.amelding }),
    aksjonaerregister: new AksjonaerregisterClient({ http, base: endpoints.skatteetaten.aksjonaerregister }),
  }),
  // Anchored in the real keychain, as the app's is: a kill may land between any two of its writes too.
  audit: new AuditLog(
    join(CRASH_DIR, 'audit.jsonl'),
    undefined,
    keychainAuditKeyring(createKeytarKeyStore({ service: CRASH_KEYCHAIN_SERVICE }), 'crash'),
  ),
  retry: { baseDelayMs: 10, maxDelayMs: 100 },
  // One line per state change: the test kills this process after a random number of them.
  onEvent: (e) => {
    if (e.type === 'changed') process.stdout.write(`${e.submission.state.kind}\n`);
  },
});
await outbox.start();
for (let i = 0; i < Number(CRASH_COUNT); i++) {
  const meldingsId = `crash-${String(i).padStart(3, '0')}`;
  await outbox.enqueue({
    draftId: meldingsId,
    label: meldingsId,
    target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: CRASH_ORG, meldingsId },
    payload: { service: 'a-melding', body: aMeldingBody(meldingsId) },
  });
}
await outbox.whenSettled();
await outbox.stop();
process.stdout.write('done\n');
