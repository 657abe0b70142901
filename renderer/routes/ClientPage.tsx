import type { ReactNode } from 'react';
import { Alert, Card, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { formatDate, formatDateTime, formatMonth, formatOrgNumber } from '../../shared/format';
import { OPEN_EVENT_ROUTES } from '../../shared/ipc/open-routes';
import { targetOrg } from '../../shared/outbox/submission';
import { useProfiles } from '../bridge/queries';
import { useClientOverview } from '../bridge/firm-queries';
import { useDrafts } from '../bridge/reports-queries';
import { useSubmissions } from '../bridge/outbox-queries';
import { useFeedbackList } from '../bridge/feedback-queries';
import { overviewHref } from '../components/overview/overview-memory';
import { REASON_COLOR } from '../components/overview/reason-color';
import { submissionTitle } from '../components/outbox/submission-title';
import { feedbackTitle } from '../components/feedback/service-label';
// Its sections' grid and the reasons' tags are styled there; the page may be the first one loaded (a reload).
import '../components/overview/overview.css';

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card data-color="neutral" data-testid={testId}>
      <Heading level={2} data-size="xs">
        {title}
      </Heading>
      {children}
    </Card>
  );
}

/**
 * One client, opened from the overview: its drafts, outbox, receipts and feedback, each the active profile's list
 * (already cached for the other pages) kept to the client's org number. A standard profile's row is the whole
 * profile. The way back returns to the overview's search, sort and scroll.
 */
export function ClientPage() {
  const { t, i18n } = useTranslation();
  const { org = '' } = useParams();
  const profiles = useProfiles();
  const activeId = profiles.data?.activeProfileId ?? null;
  const overview = useClientOverview(activeId);
  const row = overview.data?.rows.find((r) => r.orgNumber === org && r.profileId === activeId);
  const drafts = useDrafts(activeId);
  const submissions = useSubmissions(activeId);
  const feedback = useFeedbackList(row?.setupReady ?? false);
  const mine = (orgNumber: string | null | undefined) => overview.data?.scope === 'profiles' || orgNumber === org;
  const back = (
    <RouterLink to={overviewHref(activeId)} data-testid="overview-back">
      ← {t('overview.back')}
    </RouterLink>
  );
  if (overview.isPending) return <Spinner aria-label={t('app.loading')} />;
  if (!row) {
    return (
      <div className="stack">
        {back}
        <Alert data-color="warning">{t('overview.clientNotFound', { org: formatOrgNumber(org) })}</Alert>
      </div>
    );
  }
  const clientDrafts = (drafts.data ?? []).filter((d) => mine(d.organisationNumber));
  const clientSubmissions = (submissions.data ?? []).filter((s) => mine(targetOrg(s.target)));
  const receipts = clientSubmissions.filter((s) => s.state.kind === 'received');
  const clientFeedback = (feedback.data?.items ?? []).filter((f) => mine(f.orgNumber));
  const lang = i18n.language;
  return (
    <div className="stack" data-testid="client-page" data-org={org}>
      {back}
      <Heading level={1} data-size="lg">
        {row.name}
      </Heading>
      <Paragraph>
        {formatOrgNumber(row.orgNumber)}
        {row.nextDeadline &&
          ` · ${t('overview.sortBy.deadline')}: ${formatDate(row.nextDeadline.dueDate, lang)} (${
            row.nextDeadline.daysLeft === 0
              ? t('deadlines.dueToday')
              : t('deadlines.daysLeft', { count: row.nextDeadline.daysLeft })
          })`}
      </Paragraph>
      {row.attention.length > 0 && (
        <div className="overview-reasons">
          {row.attention.map((reason) => (
            <Tag key={reason} data-color={REASON_COLOR[reason]}>
              {t(`overview.reason.${reason}`)}
            </Tag>
          ))}
        </div>
      )}
      <div className="client-page-sections">
        <Section title={t('overview.draftsTitle')} testId="client-drafts">
          {drafts.isPending ? (
            <Spinner aria-label={t('app.loading')} data-size="sm" />
          ) : clientDrafts.length === 0 ? (
            <Paragraph>{t('overview.noDrafts')}</Paragraph>
          ) : (
            <ul>
              {clientDrafts.map((d) => (
                <li key={d.id}>
                  {d.kind === 'amelding'
                    ? t('reports.titleAMelding', { period: d.period ? formatMonth(d.period, lang) : '' })
                    : t('reports.titleRf1086', { year: d.period ?? '' })}
                  {d.errorCount > 0 && ` · ${t('overview.drafts', { count: d.errorCount })}`}{' '}
                  <Link asChild>
                    <RouterLink to="/reports">{t('overview.openDraft')}</RouterLink>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('overview.outboxTitle')} testId="client-outbox">
          {submissions.isPending ? (
            <Spinner aria-label={t('app.loading')} data-size="sm" />
          ) : clientSubmissions.length === 0 ? (
            <Paragraph>{t('overview.noSubmissions')}</Paragraph>
          ) : (
            <ul>
              {clientSubmissions.map((s) => (
                <li key={s.id}>
                  <Link asChild>
                    <RouterLink to={OPEN_EVENT_ROUTES['outbox.open']({ submissionId: s.id })}>
                      {submissionTitle(s.target, t, lang)}
                    </RouterLink>
                  </Link>{' '}
                  · {t(`outbox.state.${s.state.kind}`)}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('overview.receiptsTitle')} testId="client-receipts">
          {submissions.isPending ? (
            <Spinner aria-label={t('app.loading')} data-size="sm" />
          ) : receipts.length === 0 ? (
            <Paragraph>{t('overview.noReceipts')}</Paragraph>
          ) : (
            <ul>
              {receipts.map((s) =>
                s.state.kind === 'received' ? (
                  <li key={s.id}>
                    {submissionTitle(s.target, t, lang)} · {formatDateTime(s.state.at, lang)}
                    <br />
                    <span className="overview-quiet">
                      {t('overview.receiptIds', { dialogId: s.state.receipt.dialogId })}
                    </span>
                  </li>
                ) : null,
              )}
            </ul>
          )}
        </Section>
        <Section title={t('overview.feedbackTitle')} testId="client-feedback">
          {!row.setupReady ? (
            <Paragraph>{t('overview.feedbackNotReady')}</Paragraph>
          ) : feedback.isPending ? (
            <Spinner aria-label={t('app.loading')} data-size="sm" />
          ) : clientFeedback.length === 0 ? (
            <Paragraph>{t('overview.noFeedback')}</Paragraph>
          ) : (
            <ul>
              {clientFeedback.map((f) => (
                <li key={f.dialogId}>
                  <Link asChild>
                    <RouterLink to={OPEN_EVENT_ROUTES['feedback.open']({ dialogId: f.dialogId })}>
                      {feedbackTitle(f, lang)}
                    </RouterLink>
                  </Link>
                  {f.unread && (
                    <>
                      {' '}
                      <Tag data-color="info">{t('overview.reason.new-feedback')}</Tag>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}
