import { describe, expect, it } from 'vitest';
import { describe as describeSubmission } from '../../../main/cli/submissions';
import type { Submission, SubmissionState } from '../../../shared/outbox/submission';

const ID = '0b6f2f7e-9a51-4c1e-8d5e-3f1f6a2b9c10';
const MESSAGE = {
  nb: 'Fikk ikke kontakt med Skatteetaten. Innsendingen venter og sendes når nettet er tilbake.',
  en: 'Could not reach Skatteetaten. The submission waits and is sent when the network is back.',
};

function submission(state: SubmissionState): Submission {
  return {
    id: ID,
    idempotencyKey: '7c2b6a4e-1f3d-4b8a-9e6c-5d4f3a2b1c0d',
    payloadSha256: 'a'.repeat(64),
    payloadBytes: 1234,
    label: 'A-melding 2026-01 (lonn1)',
    target: { service: 'a-melding', kalendermaaned: '2026-01', opplysningspliktig: '211785462', meldingsId: 'lonn1' },
    createdAt: '2026-02-04T08:00:00.000Z',
    updatedAt: '2026-02-04T08:00:05.000Z',
    attempts: 2,
    checkpoint: {},
    state,
  };
}

const failed = (
  reason: 'offline' | 'transient' | 'rate-limited' | 'needs-action' | 'gave-up',
  retryAt: string | null,
) =>
  submission({
    kind: 'failed',
    at: '2026-02-04T08:00:05.000Z',
    error: { code: 'SKATTEETATEN_OFFLINE', message: MESSAGE },
    reason,
    attempt: 8,
    retryAt,
  });

// What `innsender submit` and `outbox retry` print when Skatteetaten could not take the report now: the bookkeeper
// reads it in the CLI's language (bokmål by default), with what happens next and what to run, and no internal
// reason names ("transient", "needs-action").
describe('innsender submit/outbox: a submission that waits, in the CLI language', () => {
  it('says in bokmål when a passing fault is tried again, and how to try now', () => {
    const text = describeSubmission(failed('offline', '2026-02-04T08:02:05.000Z'), 'nb', true);
    expect(text).toContain(`SKATTEETATEN_OFFLINE: ${MESSAGE.nb}`);
    expect(text).toContain(
      `Venter: prøves igjen fra 4. februar 2026 kl. 09:02 når appen kjører, eller nå med \`innsender outbox retry ${ID}\`.`,
    );
  });

  it('says in English when a passing fault is tried again, and how to try now', () => {
    const text = describeSubmission(failed('rate-limited', '2026-02-04T08:02:05.000Z'), 'en', true);
    expect(text).toContain(
      `Waiting: tried again from 4 February 2026 at 09:02 when the app runs, or now with \`innsender outbox retry ${ID}\`.`,
    );
  });

  it('asks the user to fix the cause first when only they can, in either language', () => {
    expect(describeSubmission(failed('needs-action', null), 'nb', true)).toContain(
      `Venter på deg: rett årsaken over, og kjør så \`innsender outbox retry ${ID}\`.`,
    );
    expect(describeSubmission(failed('needs-action', null), 'en', true)).toContain(
      `Waiting for you: fix the cause above, then run \`innsender outbox retry ${ID}\`.`,
    );
  });

  it('says it stopped after its tries, and counts them', () => {
    expect(describeSubmission(failed('gave-up', null), 'nb', true)).toContain(
      `Ga opp etter 8 forsøk: kjør \`innsender outbox retry ${ID}\` når feilen er borte.`,
    );
    expect(describeSubmission(failed('gave-up', null), 'en', true)).toContain(
      `Gave up after 8 attempts: run \`innsender outbox retry ${ID}\` once the fault has passed.`,
    );
  });

  it('says a queued one is sent when the app or the next command runs', () => {
    const queued = submission({ kind: 'queued', since: '2026-02-04T08:00:00.000Z' });
    expect(describeSubmission(queued, 'nb', true)).toContain(
      'I kø: sendes når appen kjører, eller ved neste `innsender submit` eller `innsender outbox retry`.',
    );
    expect(describeSubmission(queued, 'en', true)).toContain(
      'Queued: sent when the app runs, or at the next `innsender submit` or `innsender outbox retry`.',
    );
  });

  it('shows no internal reason name in any language', () => {
    for (const reason of ['offline', 'transient', 'rate-limited', 'needs-action', 'gave-up'] as const) {
      for (const lang of ['nb', 'en'] as const) {
        const text = describeSubmission(
          failed(reason, reason === 'needs-action' ? null : '2026-02-04T08:02:05Z'),
          lang,
          true,
        );
        expect(text).not.toMatch(/\((?:offline|transient|rate-limited|needs-action|gave-up)\)/);
      }
    }
  });
});
