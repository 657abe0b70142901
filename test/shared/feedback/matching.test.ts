import { describe, expect, it } from 'vitest';
import { linkDialogs } from '../../../shared/feedback/matching';
import type { FeedbackDialog } from '../../../shared/feedback/feedback-dialog';

const AMELDING = 'urn:altinn:resource:ske-innrapportering-amelding';
const dialog = (id: string, extra: Partial<FeedbackDialog> = {}): FeedbackDialog => ({
  id,
  party: 'urn:altinn:organization:identifier-no:310000001',
  serviceResource: AMELDING,
  status: 'Completed',
  extendedStatus: null,
  externalReference: null,
  title: null,
  summary: null,
  createdAt: '2026-03-02T08:00:00Z',
  updatedAt: '2026-03-02T08:00:00Z',
  transmissions: [],
  ...extra,
});
const submissionTransmission = (id: string) => ({
  id,
  createdAt: '2026-03-02T08:00:00Z',
  type: 'Submission',
  sender: 'PartyRepresentative' as const,
  title: null,
  summary: null,
  relatedTransmissionId: null,
  isAuthorized: true,
  attachments: [],
});

describe('linking dialogs to the outbox’s submissions', () => {
  it('by dialog id, by the submission’s transmission, by external reference within org and service', () => {
    const links = linkDialogs(
      [
        dialog('d1'),
        dialog('d2', {
          party: 'urn:altinn:organization:identifier-no:974761076',
          transmissions: [submissionTransmission('f1')],
        }),
        dialog('d3', { externalReference: 'M-3' }),
        dialog('d4', { externalReference: 'M-3', party: 'urn:altinn:organization:identifier-no:310000002' }),
        dialog('d5', { externalReference: 'M-5' }),
      ],
      [
        { submissionId: 's1', dialogId: 'd1', forsendelseId: 'f1', externalReference: 'M-1', orgNumber: '310000001' },
        { submissionId: 's3', externalReference: 'M-3', orgNumber: '310000001', serviceResource: AMELDING },
        { submissionId: 's5a', externalReference: 'M-5' },
        { submissionId: 's5b', externalReference: 'M-5' },
      ],
    );
    expect(links).toEqual([
      { dialogId: 'd1', kind: 'linked', submissionId: 's1', by: 'dialogId' },
      { dialogId: 'd2', kind: 'linked', submissionId: 's1', by: 'forsendelseId' },
      { dialogId: 'd3', kind: 'linked', submissionId: 's3', by: 'externalReference' },
      { dialogId: 'd4', kind: 'made-elsewhere' }, // same reference, another org
      { dialogId: 'd5', kind: 'made-elsewhere' }, // ambiguous: never guess
    ]);
  });

  it('marks everything as made elsewhere when the outbox is empty', () => {
    expect(linkDialogs([dialog('x')], [])).toEqual([{ dialogId: 'x', kind: 'made-elsewhere' }]);
  });
});
