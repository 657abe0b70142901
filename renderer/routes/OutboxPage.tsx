import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { AuditSection } from '../components/outbox/AuditSection';
import { SubmissionRow } from '../components/outbox/SubmissionRow';
import { useFocusedSubmission } from '../components/outbox/use-focused-submission';
import { useProfiles } from '../bridge/queries';
import { useFirmClients } from '../bridge/firm-queries';
import {
  useCancelSubmission,
  useOutboxProgress,
  useOutboxStatus,
  useRetrySubmission,
  useSubmissions,
} from '../bridge/outbox-queries';
import { localized } from '../i18n';
import { targetOrg } from '../../shared/outbox/submission';
import '../components/reports/reports.css';
import '../components/outbox/outbox.css';

/** Every submission of the active profile with its state, whether Skatteetaten can be reached, and the audit log. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const profiles = useProfiles();
  const profileId = profiles.data?.activeProfileId ?? null;
  const submissions = useSubmissions(profileId);
  const status = useOutboxStatus();
  const progress = useOutboxProgress();
  const cancel = useCancelSubmission();
  const retry = useRetrySubmission();
  const busy = cancel.isPending || retry.isPending;
  // Each submission names its company: a firm sends for many clients, so the org number alone says too little.
  const active = profiles.data?.profiles.find((p) => p.id === profileId);
  const clients = useFirmClients(active?.kind === 'firm');
  const names = new Map<string, string>(clients.data?.clients.map((c) => [c.orgNumber, c.name]) ?? []);
  if (active) names.set(active.orgNumber, active.displayName);
  useFocusedSubmission(Boolean(submissions.data?.length));

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('outbox.title')}
      </Heading>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      {!profileId && <Alert data-color="info">{t('outbox.noProfile')}</Alert>}
      {status.data?.connectivity === 'offline' && (
        <Alert data-color="warning" data-testid="offline" role="status">
          <Heading level={2} data-size="xs">
            {t('outbox.offlineTitle')}
          </Heading>
          <Paragraph>{t('outbox.offlineBody')}</Paragraph>
        </Alert>
      )}
      {status.data?.message && (
        <Alert data-color="info" data-testid="outbox-not-ready">
          {localized(status.data.message, i18n.language)} <RouterLink to="/setup">{t('outbox.toSetup')}</RouterLink>
        </Alert>
      )}

      {submissions.isPending && profileId && <Spinner aria-label={t('app.loading')} />}
      {submissions.error && <ErrorMessage error={submissions.error} />}
      {submissions.data?.length === 0 && (
        <EmptyState
          title={t('outbox.emptyTitle')}
          action={<RouterLink to="/reports">{t('outbox.goToReports')}</RouterLink>}
        >
          {t('outbox.emptyBody')}
        </EmptyState>
      )}
      {submissions.data && submissions.data.length > 0 && (
        <section className="stack" aria-labelledby="outbox-list-title">
          <Heading level={2} data-size="md" id="outbox-list-title">
            {t('outbox.listTitle', { count: submissions.data.length })}
          </Heading>
          <ul className="outbox-list" data-testid="submission-list">
            {submissions.data.map((s) => (
              <SubmissionRow
                key={s.id}
                submission={s}
                progress={progress[s.id]}
                busy={busy}
                companyName={names.get(targetOrg(s.target))}
                onCancel={(id) => {
                  if (window.confirm(t('outbox.cancelConfirm', { label: s.label }))) cancel.mutate(id);
                }}
                onRetry={(id) => retry.mutate(id)}
              />
            ))}
          </ul>
        </section>
      )}
      {cancel.error && <ErrorMessage error={cancel.error} />}
      {retry.error && <ErrorMessage error={retry.error} />}

      {profileId && <AuditSection />}
    </div>
  );
}
