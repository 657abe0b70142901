import type { FirmClient } from '../../../shared/domain/firm';
import { isValidOrgNumber } from '../../../shared/domain/org-number';
import type { FeedbackDialog } from '../../../shared/feedback/feedback-dialog';
import type { Submission, SubmissionPayload, SubmissionState } from '../../../shared/outbox/submission';
import type { SchemeId } from '../../../shared/tredjepart/schemes';
import { aMeldingBody } from '../support/report-fixtures';

/** Records as the outbox, the firm's clients and the feedback sync keep them: for the store's tests and the bench. */

const T0 = Date.parse('2021-01-20T09:00:00.000Z');

/** Submission n of a client (n orders them in time: one a month, as a-meldinger are). */
export function aMeldingSubmission(org: string, n: number, state: SubmissionState['kind'] = 'received'): Submission {
  const at = new Date(T0 + n * 30 * 86_400_000 + Number(org.slice(-3)) * 1000).toISOString();
  const id = uuid(org, n, 1);
  const states: Record<SubmissionState['kind'], SubmissionState> = {
    queued: { kind: 'queued', since: at },
    sending: { kind: 'sending', since: at, attempt: 1 },
    received: { kind: 'received', at, receipt: { dialogId: uuid(org, n, 2), forsendelseId: uuid(org, n, 3) } },
    rejected: {
      kind: 'rejected',
      at,
      error: { code: 'AMLD_400', message: { nb: 'Avvist', en: 'Rejected' }, status: 400 },
    },
    failed: {
      kind: 'failed',
      at,
      error: { code: 'HTTP_503', message: { nb: 'Utilgjengelig', en: 'Unavailable' }, status: 503 },
      reason: 'transient',
      attempt: 1,
      retryAt: at,
    },
    cancelled: { kind: 'cancelled', at },
  };
  return {
    id,
    idempotencyKey: uuid(org, n, 4),
    payloadSha256: 'a'.repeat(64),
    payloadBytes: 1000,
    label: `A-melding ${org} ${n}`,
    target: { service: 'a-melding', kalendermaaned: at.slice(0, 7), opplysningspliktig: org, meldingsId: `m-${n}` },
    createdAt: at,
    updatedAt: at,
    attempts: state === 'queued' ? 0 : 1,
    checkpoint: {},
    state: states[state],
  };
}

/** Submission n of a client as a tredjepart melding of `scheme` for an income year (its times as an a-melding's). */
export function tredjepartSubmission(
  org: string,
  n: number,
  scheme: SchemeId,
  inntektsaar: string,
  state: SubmissionState['kind'] = 'received',
): Submission {
  const target = { service: 'tredjepart' as const, scheme, inntektsaar, oppgavegiver: org, antallOppgaver: 2 };
  return { ...aMeldingSubmission(org, n, state), target };
}

export const aMeldingPayload = (n: number): SubmissionPayload => ({
  service: 'a-melding',
  body: aMeldingBody(`m-${n}`),
});

export function firmClient(orgNumber: string, name = `Klient ${orgNumber} AS`): FirmClient {
  return {
    orgNumber,
    name,
    services: ['a-melding'],
    delegation: { state: 'delegated', checkedAt: '2026-01-01T00:00:00.000Z' },
    addedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A dialog in Dialogporten for a client's party, with one transmission (Skatteetaten's feedback) per id. */
export function feedbackDialog(org: string, id: string, transmissionIds: string[]): FeedbackDialog {
  return {
    id,
    party: `urn:altinn:organization:identifier-no:${org}`,
    serviceResource: 'urn:altinn:resource:ske-innrapportering-amelding',
    status: 'Completed',
    extendedStatus: null,
    externalReference: null,
    title: 'Tilbakemelding',
    summary: null,
    createdAt: '2026-01-20T10:00:00.000Z',
    updatedAt: '2026-01-20T10:00:00.000Z',
    transmissions: transmissionIds.map((t) => ({
      id: t,
      createdAt: '2026-01-20T10:00:00.000Z',
      type: 'Acceptance',
      sender: 'ServiceOwner',
      title: null,
      summary: null,
      relatedTransmissionId: null,
      isAuthorized: true,
      attachments: [],
    })),
  };
}

/** A stable uuid-shaped id per (org, n, kind), so repeated runs make the same data. */
function uuid(org: string, n: number, kind: number): string {
  const hex = `${org}${String(n).padStart(6, '0')}${kind}`.padStart(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** The i-th valid organisation number from 310 000 00x on (the check digit by isValidOrgNumber's own rule). */
export function clientOrgNumbers(count: number): string[] {
  const found: string[] = [];
  for (let prefix = 31_000_000; found.length < count; prefix++) {
    for (let check = 0; check <= 9; check++) {
      const candidate = `${prefix}${check}`;
      if (isValidOrgNumber(candidate)) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}
