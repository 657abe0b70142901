import { randomUUID } from 'node:crypto';
import { dataStore } from '../../../main/store/data-store';
import { SubmissionSchema, type Submission, type SubmissionState } from '../../../shared/outbox/submission';

/**
 * Writes an a-melding submission record into a profile's outbox in the data dir's store, as the outbox keeps it, so the
 * checks can be shown what was sent without a round trip through the sandbox (outbox.e2e.ts does that one).
 */
export async function writeAMeldingRecord(
  dataDir: string,
  profileId: string,
  input: { meldingsId: string; kalendermaaned: string; opplysningspliktig: string; state: SubmissionState },
): Promise<Submission> {
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
  await dataStore(dataDir).submissions(profileId).write(submission);
  return submission;
}
