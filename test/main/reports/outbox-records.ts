import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { outboxPaths } from '../../../main/outbox/outbox-workers';
import { SubmissionSchema, type Submission, type SubmissionState } from '../../../shared/outbox/submission';

/**
 * Writes an a-melding submission record into a profile's outbox folder, as the outbox keeps it on disk, so the
 * checks can be shown what was sent without a round trip through the sandbox (outbox.e2e.ts does that one).
 */
export function writeAMeldingRecord(
  dataDir: string,
  profileId: string,
  input: { meldingsId: string; kalendermaaned: string; opplysningspliktig: string; state: SubmissionState },
): Submission {
  const submission = SubmissionSchema.parse({
    id: randomUUID(),
    idempotencyKey: randomUUID(),
    payloadSha256: '0'.repeat(64),
    payloadBytes: 0,
    label: `A-melding ${input.kalendermaaned} (${input.meldingsId})`,
    target: {
      service: 'a-melding',
      kalendermaaned: input.kalendermaaned,
      opplysningspliktig: input.opplysningspliktig,
      meldingsId: input.meldingsId,
    },
    createdAt: '2026-01-20T09:00:00.000Z',
    updatedAt: '2026-01-20T09:00:00.000Z',
    attempts: 1,
    checkpoint: {},
    state: input.state,
  });
  const folder = join(outboxPaths(dataDir, profileId).outbox, 'submissions');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${submission.id}.json`), JSON.stringify(submission));
  return submission;
}
