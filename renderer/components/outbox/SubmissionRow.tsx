import { Alert, Button, Card, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { targetOrg, type Submission, type SubmissionError } from '../../../shared/outbox/submission';
import type { OutboxProgress } from '../../../shared/outbox/outbox-views';
import { localized } from '../../i18n';
import { ReceiptActions } from './ReceiptActions';
import { FactList, type Fact } from '../reports/FactList';
import { formatCompany, formatDateTime, formatOrgNumber } from '../../../shared/format';
import { TechnicalDetails } from '../TechnicalDetails';
import { submissionTitle } from './submission-title';
import { failureHeading } from './failure-heading';

export interface SubmissionRowProps {
  submission: Submission;
  progress?: OutboxProgress | undefined;
  onCancel(id: string): void;
  onRetry(id: string): void;
  busy?: boolean;
  /** The company the submission is for, when known by name (a firm's client, or the profile's organisation). */
  companyName?: string | undefined;
}

const TAG_COLOR = {
  queued: 'info',
  sending: 'info',
  received: 'success',
  rejected: 'danger',
  failed: 'warning',
  cancelled: 'neutral',
} as const;

/** One submission: what it is, its state in words, the receipt or the reason, and what can be done now. */
export function SubmissionRow({ submission, progress, onCancel, onRetry, busy, companyName }: SubmissionRowProps) {
  const { t, i18n } = useTranslation();
  const { state, target } = submission;
  const lang = i18n.language;
  const headingId = `submission-${submission.id}`;
  const org = targetOrg(target);
  const company = companyName ? formatCompany(companyName, org) : formatOrgNumber(org);
  const title = submissionTitle(target, t, lang);
  const cancel = (
    <Button variant="tertiary" data-size="sm" onClick={() => onCancel(submission.id)} disabled={busy}>
      {t('outbox.cancel')}
      <span className="visually-hidden">: {title}</span>
    </Button>
  );

  return (
    <Card
      data-testid="submission"
      data-state={state.kind}
      data-id={submission.id}
      aria-labelledby={headingId}
      className="outbox-submission"
      asChild
    >
      <li>
        <div className="row outbox-submission__head">
          <Heading level={3} data-size="xs" id={headingId}>
            {title}
          </Heading>
          <Tag data-color={TAG_COLOR[state.kind]} data-size="sm" data-testid="submission-state">
            {t(`outbox.state.${state.kind}`)}
          </Tag>
        </div>
        <Paragraph data-size="sm" className="outbox-muted">
          {t('outbox.meta', {
            service: t(`outbox.service.${target.service}`),
            org: company,
            created: formatDateTime(submission.createdAt, lang),
          })}
        </Paragraph>

        {state.kind === 'queued' && (
          <>
            <Paragraph>{t('outbox.queuedBody')}</Paragraph>
            <div className="row">{cancel}</div>
          </>
        )}

        {state.kind === 'sending' && (
          <>
            <Paragraph role="status">{t('outbox.sendingBody', { attempt: String(state.attempt) })}</Paragraph>
            {progress && progress.total > 0 && (
              <div className="outbox-progress">
                <label htmlFor={`progress-${submission.id}`}>
                  {t('outbox.progress', {
                    phase: t(`outbox.phase.${progress.phase}`, { defaultValue: progress.phase }),
                    done: String(progress.done),
                    total: String(progress.total),
                  })}
                </label>
                <progress id={`progress-${submission.id}`} max={progress.total} value={progress.done} />
              </div>
            )}
          </>
        )}

        {state.kind === 'received' && (
          <div data-testid="receipt" className="stack">
            <Paragraph>{t('outbox.receivedBody', { at: formatDateTime(state.at, lang) })}</Paragraph>
            <ReceiptActions submissionId={submission.id} label={title} />
            <Paragraph data-size="sm">
              <RouterLink to="/feedback">{t('outbox.toFeedback')}</RouterLink>
            </Paragraph>
            {target.service === 'a-melding' && (
              <Paragraph data-size="sm">
                <RouterLink
                  to={`/reports?erstatt=${encodeURIComponent(submission.id)}`}
                  data-testid="replace"
                  title={t('outbox.replaceHint')}
                >
                  {t('outbox.replace')}
                  <span className="visually-hidden">: {title}</span>
                </RouterLink>
              </Paragraph>
            )}
          </div>
        )}

        {state.kind === 'rejected' && (
          <Alert data-color="danger" data-testid="rejection">
            <Heading level={4} data-size="2xs">
              {t('outbox.rejectedTitle')}
            </Heading>
            <ErrorDetails error={state.error} />
            <Paragraph data-size="sm">{t('outbox.rejectedNext')}</Paragraph>
          </Alert>
        )}

        {state.kind === 'failed' && (
          <Alert data-color="warning" data-testid="failure">
            <Heading level={4} data-size="2xs">
              {failureHeading(state, t, company)}
            </Heading>
            <ErrorDetails error={state.error} />
            <Paragraph data-size="sm" data-testid="next-retry">
              {state.retryAt
                ? t('outbox.nextRetry', { at: formatDateTime(state.retryAt, lang), attempt: String(state.attempt) })
                : t('outbox.waitsForYou', { attempt: String(state.attempt) })}
            </Paragraph>
            <div className="row">
              <Button data-size="sm" onClick={() => onRetry(submission.id)} disabled={busy} data-testid="retry">
                {t('outbox.retry')}
                <span className="visually-hidden">: {title}</span>
              </Button>
              {cancel}
            </div>
          </Alert>
        )}

        {state.kind === 'cancelled' && (
          <Paragraph>{t('outbox.cancelledBody', { at: formatDateTime(state.at, lang) })}</Paragraph>
        )}

        {/* Wrapped: a Card whose own child is a Details loses its padding (Designsystemet's card.css). */}
        <div>
          <TechnicalDetails testId="submission-technical">
            <FactList facts={technicalFacts(submission, t)} testId="receipt-facts" />
          </TechnicalDetails>
        </div>
      </li>
    </Card>
  );
}

/** Skatteetaten's reason in the user's language, its detail lines, and what to quote to Skatteetaten. */
function ErrorDetails({ error }: { error: SubmissionError }) {
  const { t, i18n } = useTranslation();
  const message = localized(error.message, i18n.language);
  return (
    <>
      <Paragraph>{message}</Paragraph>
      <Paragraph data-size="sm" data-testid="error-codes">
        {t('outbox.errorCode')} <code>{error.code}</code>
        {error.korrelasjonsid && (
          <>
            {' · '}
            {t('outbox.korrelasjonsid')} <code data-testid="korrelasjonsid">{error.korrelasjonsid}</code>
          </>
        )}
      </Paragraph>
      {/* Skatteetaten's own message often says this already. */}
      {error.korrelasjonsid && !message.includes(error.korrelasjonsid) && (
        <Paragraph data-size="sm">{t('outbox.quoteKorrelasjonsid')}</Paragraph>
      )}
    </>
  );
}

// i18next's own type: deriving it from useTranslation's return type exceeds tsc's instantiation depth.
type T = TFunction;

/**
 * The submission's name in the audit log (with the meldingsId or org number), Skatteetaten's specification of a
 * refusal, the ids Skatteetaten gave, as support asks for them, and the hash of exactly what was sent.
 */
function technicalFacts(submission: Submission, t: T): Fact[] {
  const facts: Fact[] = [[t('outbox.label'), submission.label]];
  const { state } = submission;
  // The message quotes each specification's words already; their codes, paths and values are for support.
  const details =
    state.kind === 'rejected' || state.kind === 'failed'
      ? (state.error.details ?? []).filter((d) => !d.startsWith('korrelasjonsid '))
      : [];
  if (details.length > 0) {
    facts.push([
      t('outbox.errorDetails'),
      <List.Unordered key="e" data-size="sm" data-testid="error-details">
        {details.map((d) => (
          <List.Item key={d}>{d}</List.Item>
        ))}
      </List.Unordered>,
    ]);
  }
  if (submission.state.kind !== 'received') {
    facts.push([t('outbox.receipt.payloadSha256'), <code key="s">{submission.payloadSha256}</code>]);
    return facts;
  }
  const { receipt } = submission.state;
  facts.push([t('outbox.receipt.dialogId'), <code key="d">{receipt.dialogId}</code>]);
  if (receipt.forsendelseId) {
    facts.push([t('outbox.receipt.forsendelseId'), <code key="f">{receipt.forsendelseId}</code>]);
  }
  if (receipt.bestillingsreferanse) {
    facts.push([t('outbox.receipt.bestillingsreferanse'), <code key="b">{receipt.bestillingsreferanse}</code>]);
  }
  if (receipt.meldingsId) facts.push([t('outbox.receipt.meldingsId'), <code key="m">{receipt.meldingsId}</code>]);
  if (receipt.hovedskjemaId) {
    facts.push([t('outbox.receipt.hovedskjemaId'), <code key="h">{receipt.hovedskjemaId}</code>]);
  }
  facts.push([t('outbox.receipt.payloadSha256'), <code key="s">{submission.payloadSha256}</code>]);
  return facts;
}
