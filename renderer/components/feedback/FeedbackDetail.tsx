import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackEntry, FeedbackItem } from '../../../shared/feedback/feedback-overview';
import { useDownloadFeedbackDocument } from '../../bridge/feedback-queries';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../../../shared/format';
import { FeedbackDocumentView } from './FeedbackDocumentView';
import { OUTCOME_COLOR } from './FeedbackList';
import { feedbackTitle, serviceLabel, transmissionTitle } from './service-label';
import { TechnicalDetails } from '../TechnicalDetails';
import { FactList } from '../reports/FactList';

/** One dialog: where it came from, and each of Skatteetaten's answers read into plain words, newest first. */
export function FeedbackDetail({ item, onBack }: { item: FeedbackItem; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const heading = useRef<HTMLHeadingElement>(null);
  const { summary } = item;
  // Opening an item moves focus to it, so keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), [summary.dialogId]);
  const title = feedbackTitle(summary, lang);
  return (
    <article className="feedback-detail stack" data-testid="feedback-detail" data-dialog-id={summary.dialogId}>
      <div>
        <Button variant="tertiary" data-size="sm" onClick={onBack} data-testid="feedback-back">
          ← {t('feedback.back')}
        </Button>
      </div>
      <Heading level={2} data-size="md" ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <div className="feedback-detail__meta">
        <Tag data-color={OUTCOME_COLOR[summary.outcome]} data-testid="feedback-detail-outcome">
          {t(`feedback.outcome.${summary.outcome}`)}
        </Tag>
        <span>{serviceLabel(summary, lang)}</span>
      </div>
      <Paragraph data-testid="feedback-detail-origin">
        {summary.link.kind === 'linked' ? t('feedback.detailLinked') : t('feedback.detailElsewhere')}
      </Paragraph>
      <TechnicalDetails testId="feedback-detail-technical">
        <FactList
          facts={(
            [
              [t('feedback.submissionId'), summary.link.kind === 'linked' ? summary.link.submissionId : null],
              [t('feedback.dialogStatus'), [summary.status, summary.extendedStatus].filter(Boolean).join(' · ')],
              ['Dialog-ID', summary.dialogId],
            ] as [string, string | null][]
          ).filter((f): f is [string, string] => Boolean(f[1]))}
        />
      </TechnicalDetails>
      {summary.link.kind === 'linked' && summary.link.replaces && (
        <Paragraph data-testid="feedback-detail-replaces">
          {t('feedback.detailReplaces', {
            meldingsId: summary.link.replaces.meldingsId,
            id: summary.link.replaces.submissionId,
          })}
        </Paragraph>
      )}
      {item.feedback.length === 0 && <Paragraph>{t('feedback.noFeedbackYet')}</Paragraph>}
      {item.feedback.map((entry) => (
        <FeedbackEntryCard key={entry.transmission.id} entry={entry} />
      ))}
    </article>
  );
}

function FeedbackEntryCard({ entry }: { entry: FeedbackEntry }) {
  const { t, i18n } = useTranslation();
  const download = useDownloadFeedbackDocument();
  const { transmission } = entry;
  return (
    <Card data-color="neutral" className="feedback-entry" data-testid="feedback-entry">
      <Heading level={3} data-size="sm">
        {transmission.title ? transmissionTitle(transmission.title, i18n.language) : t('feedback.fromSkatteetaten')}
      </Heading>
      <Paragraph data-size="sm" className="feedback-muted">
        {t('feedback.transmissionAt', { at: formatDateTime(transmission.createdAt, i18n.language) })}
      </Paragraph>
      {transmission.summary && <Paragraph>{transmission.summary}</Paragraph>}
      {entry.pendingAttachments.length > 0 && (
        <Alert data-color="info" data-testid="feedback-document-pending">
          {t('feedback.documentPending')}
        </Alert>
      )}
      {entry.documents.map((doc) => (
        <div key={doc.attachmentId} className="feedback-document" data-media-type={doc.mediaType}>
          {doc.view && doc.view.kind !== 'unknown' && doc.view.unconfirmedFormat && (
            <Alert data-color="warning" data-testid="feedback-unconfirmed">
              {t('feedback.unconfirmedFormat')}
            </Alert>
          )}
          {doc.view ? <FeedbackDocumentView view={doc.view} /> : <BinaryDocumentNote mediaType={doc.mediaType} />}
          <div>
            <Button
              variant="secondary"
              data-size="sm"
              data-testid="feedback-download"
              onClick={() => download.mutate({ transmissionId: transmission.id, attachmentId: doc.attachmentId })}
            >
              {t('feedback.download', { name: doc.name ?? doc.mediaType })}
            </Button>
          </div>
        </div>
      ))}
      {download.data?.path && (
        <Paragraph role="status" data-testid="feedback-downloaded">
          {t('feedback.downloaded', { path: download.data.path })}
        </Paragraph>
      )}
      {download.error && <ErrorMessage error={download.error} />}
    </Card>
  );
}

/** A document main keeps as bytes only (no reading in plain words): say what it is, and that saving opens it. */
function BinaryDocumentNote({ mediaType }: { mediaType: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph data-testid="feedback-binary-document">
      {/^application\/pdf$/i.test(mediaType)
        ? t('feedback.pdfDocument')
        : t('feedback.binaryDocument', { type: mediaType })}
    </Paragraph>
  );
}
