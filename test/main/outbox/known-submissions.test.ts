import { describe, expect, it } from 'vitest';
import { knownSubmissionsOf } from '../../../main/outbox/known-submissions';
import { linkDialogs } from '../../../shared/feedback/matching';
import type { FeedbackDialog } from '../../../shared/feedback/feedback-dialog';
import { SubmissionSchema, type Submission } from '../../../shared/outbox/submission';

const ORG = '211785462';
const S1 = '0f6b7c7e-58d4-4f4e-9d55-3a1f3c1d2e01';
const S2 = '0f6b7c7e-58d4-4f4e-9d55-3a1f3c1d2e02';

function aMelding(id: string, meldingsId: string, erstatterMeldingsId?: string, dialogId = `dialog-${id}`): Submission {
  return SubmissionSchema.parse({
    id,
    idempotencyKey: id,
    payloadSha256: '0'.repeat(64),
    payloadBytes: 1,
    label: `A-melding 2026-01 (${meldingsId})`,
    target: {
      service: 'a-melding',
      kalendermaaned: '2026-01',
      opplysningspliktig: ORG,
      meldingsId,
      ...(erstatterMeldingsId ? { erstatterMeldingsId } : {}),
    },
    createdAt: '2026-01-20T09:00:00.000Z',
    updatedAt: '2026-01-20T09:00:00.000Z',
    attempts: 1,
    checkpoint: {},
    state: {
      kind: 'received',
      at: '2026-01-20T09:01:00.000Z',
      receipt: { dialogId, forsendelseId: `forsendelse-${id}`, meldingsId },
    },
  });
}

const dialog = (id: string, externalReference: string): FeedbackDialog => ({
  id,
  party: `urn:altinn:organization:identifier-no:${ORG}`,
  serviceResource: 'urn:altinn:resource:ske-innrapportering-amelding',
  status: 'Completed',
  extendedStatus: 'MOTTATT',
  externalReference,
  title: 'A-melding 2026-01',
  summary: null,
  createdAt: '2026-01-20T09:01:00Z',
  updatedAt: '2026-01-20T09:01:00Z',
  transmissions: [],
});

// formats.md §2.4: a replacement sets erstatterMeldingsId to the meldingsId it replaces; its feedback is linked to
// the replacement, which names the original.
describe('the feedback of a replacement a-melding', () => {
  it('is linked to the replacement, and through it to the original it replaces', () => {
    const original = aMelding(S1, 'original1');
    const replacement = aMelding(S2, 'erstatning1', 'original1');
    const known = knownSubmissionsOf([original, replacement]);
    expect(known.find((k) => k.submissionId === S2)?.replaces).toEqual({
      submissionId: S1,
      meldingsId: 'original1',
    });
    expect(known.find((k) => k.submissionId === S1)?.replaces).toBeUndefined();
    const [link] = linkDialogs([dialog(`dialog-${S2}`, 'erstatning1')], known);
    expect(link).toEqual({
      dialogId: `dialog-${S2}`,
      kind: 'linked',
      submissionId: S2,
      by: 'dialogId',
      replaces: { submissionId: S1, meldingsId: 'original1' },
    });
  });

  it('names no original the outbox does not have (sent from another system)', () => {
    const known = knownSubmissionsOf([aMelding(S2, 'erstatning1', 'fraLoennssystemet')]);
    expect(known[0]?.replaces).toBeUndefined();
  });
});
