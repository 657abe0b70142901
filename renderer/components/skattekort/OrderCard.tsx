import { Alert, Button, Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SkattekortOrderView } from '../../../shared/skattekort/skattekort-views';
import { useExportSkattekort, usePollNow, useSkattekortAnswer } from '../../bridge/skattekort-queries';
import { localized } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../../../shared/format';
import { AnswerTable } from './AnswerTable';
import { submissionTitle } from '../outbox/submission-title';

const EXPORTS = [
  { format: 'csv', label: 'skattekort.exportCsv' },
  { format: 'json', label: 'skattekort.exportJson' },
] as const;

/** One order: its way through the outbox, then Skatteetaten's answer per employee and its export. */
export function OrderCard({ order }: { order: SkattekortOrderView }) {
  const { t, i18n } = useTranslation();
  const { submission, answer } = order;
  const ready = answer.kind === 'ready';
  const record = useSkattekortAnswer(submission.id, ready);
  const poll = usePollNow();
  const exporter = useExportSkattekort();
  const headingId = `skattekort-${submission.id}`;
  const receipt = submission.state.kind === 'received' ? submission.state.receipt : null;

  return (
    <Card data-testid="skattekort-order" data-answer={answer.kind} aria-labelledby={headingId} asChild>
      <li className="stack">
        <div className="row">
          <Heading level={3} data-size="xs" id={headingId}>
            {submissionTitle(submission.target, t, i18n.language)}
          </Heading>
          <Tag
            data-size="sm"
            data-color={ready ? 'success' : answer.kind === 'stopped' ? 'danger' : 'info'}
            data-testid="answer-state"
          >
            {t(`skattekort.status.${answer.kind}`)}
          </Tag>
        </div>
        <Paragraph data-size="sm" className="outbox-muted">
          {t('skattekort.orderMeta', {
            created: formatDateTime(submission.createdAt, i18n.language),
            state: t(`outbox.state.${submission.state.kind}`),
          })}
          {receipt?.bestillingsreferanse && (
            <>
              {' · '}
              {t('outbox.receipt.bestillingsreferanse')} <code>{receipt.bestillingsreferanse}</code>
            </>
          )}
        </Paragraph>
        {answer.kind === 'not-ordered' && (
          <Paragraph data-size="sm">
            {t('skattekort.notOrderedBody')} <RouterLink to="/outbox">{t('skattekort.toOutbox')}</RouterLink>
          </Paragraph>
        )}
        {answer.kind === 'waiting' && (
          <Paragraph data-size="sm" role="status">
            <Spinner aria-hidden data-size="xs" /> {t('skattekort.waitingBody', { polls: String(answer.polls) })}
            {answer.lastError && ` ${localized(answer.lastError.message, i18n.language)}`}
          </Paragraph>
        )}
        {answer.kind === 'stopped' && (
          <Alert data-color="danger">{localized(answer.error.message, i18n.language)}</Alert>
        )}
        {(answer.kind === 'waiting' || answer.kind === 'stopped') && (
          <div className="row">
            <Button
              variant="secondary"
              data-size="sm"
              loading={poll.isPending}
              onClick={() => poll.mutate(submission.id)}
              data-testid="poll-now"
            >
              {t('skattekort.pollNow')}
            </Button>
          </div>
        )}
        {ready && record.data && (
          <>
            {record.data.answer.statusNote && (
              <Alert data-color="warning" data-testid="answer-status" data-status={record.data.answer.status}>
                {localized(record.data.answer.statusNote, i18n.language)}
              </Alert>
            )}
            {record.data.answer.cards.length > 0 && (
              <>
                <AnswerTable cards={record.data.answer.cards} />
                <div className="row">
                  {EXPORTS.map(({ format, label }) => (
                    <Button
                      key={format}
                      variant="secondary"
                      data-size="sm"
                      onClick={() => exporter.mutate({ submissionId: submission.id, format })}
                      data-testid={`export-${format}`}
                    >
                      {t(label)}
                    </Button>
                  ))}
                </div>
              </>
            )}
            {exporter.data?.path && (
              <Paragraph data-size="sm" role="status" data-testid="export-done">
                {t('skattekort.exported', { path: exporter.data.path })}
              </Paragraph>
            )}
          </>
        )}
        {record.error && <ErrorMessage error={record.error} />}
        {poll.error && <ErrorMessage error={poll.error} />}
        {exporter.error && <ErrorMessage error={exporter.error} />}
      </li>
    </Card>
  );
}
