import { Alert, Card, Heading, List, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useDeadlines } from '../bridge/deadlines-queries';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { DeadlineCalendar } from '../components/deadlines/DeadlineCalendar';
import { ExtensionSection } from '../components/deadlines/ExtensionSection';
import { WarnDaysForm } from '../components/deadlines/WarnDaysForm';
import { periodText, serviceName, STATUS_COLOR, whenText } from '../components/deadlines/deadline-text';
import { formatDate } from '../../shared/format';
import { localized } from '../i18n';
import '../components/deadlines/deadlines.css';

/**
 * The active profile's deadlines for the next twelve months, the warning setting, and the truth about extensions.
 * `?deadline=<id>` (a clicked OS warning) marks that deadline and scrolls it into view.
 */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const highlightId = params.get('deadline');
  const deadlines = useDeadlines(12);
  const overview = deadlines.data;
  const next = overview?.deadlines.find((d) => d.id === overview.nextId);
  const soon = overview?.deadlines.filter((d) => d.status === 'soon') ?? [];
  const overdue = overview?.deadlines.filter((d) => d.status === 'overdue') ?? [];
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('deadlines.title')}
      </Heading>
      <Paragraph>{t('deadlines.intro')}</Paragraph>
      {deadlines.isPending && <Spinner aria-label={t('app.loading')} />}
      {deadlines.error && <ErrorMessage error={deadlines.error} />}
      {overview && !overview.profileId && <Alert data-color="info">{t('deadlines.noProfile')}</Alert>}
      {overview?.profileId && overview.services.length === 0 && (
        <EmptyState
          title={t('deadlines.noServicesTitle')}
          action={<RouterLink to="/setup">{t('deadlines.toSetup')}</RouterLink>}
        >
          {t('deadlines.noServicesBody')}
        </EmptyState>
      )}
      {overview && overview.services.length > 0 && (
        <>
          {overdue.length > 0 && (
            <Alert data-color="danger" data-testid="deadlines-overdue">
              <Paragraph>{t('deadlines.overdueAlert', { count: overdue.length })}</Paragraph>
              <Paragraph data-size="sm">{t('deadlines.overdueHelp')}</Paragraph>
            </Alert>
          )}
          {soon.length > 0 && (
            <Alert data-color="warning" data-testid="deadlines-soon">
              {t('deadlines.soonAlert', { count: soon.length, days: String(overview.warnDays) })}
            </Alert>
          )}
          <Card data-color="accent" data-testid="next-deadline">
            <Heading level={2} data-size="xs">
              {t('deadlines.nextTitle')}
            </Heading>
            {next ? (
              <div className="stack">
                <Paragraph data-size="lg">
                  <strong data-testid="next-deadline-date">{formatDate(next.dueDate, i18n.language)}</strong> –{' '}
                  {serviceName(next, i18n.language)} {periodText(next, t, i18n.language)}
                </Paragraph>
                <div className="row">
                  <Tag data-color={STATUS_COLOR[next.status]}>{t(`deadlines.status.${next.status}`)}</Tag>
                  <span>{whenText(next, t)}</span>
                </div>
              </div>
            ) : (
              <Paragraph>{t('deadlines.noneAhead')}</Paragraph>
            )}
          </Card>
          <section className="stack" aria-labelledby="deadline-calendar-title">
            <Heading level={2} data-size="sm" id="deadline-calendar-title">
              {t('deadlines.listTitle')}
            </Heading>
            <Paragraph data-size="sm" className="deadline-muted">
              {t('deadlines.range', {
                from: formatDate(overview.today, i18n.language),
                until: formatDate(overview.until, i18n.language),
              })}
            </Paragraph>
            <DeadlineCalendar deadlines={overview.deadlines} nextId={overview.nextId} highlightId={highlightId} />
          </section>
          {overview.withoutDeadline.length > 0 && (
            <section className="stack" aria-labelledby="deadline-without-title">
              <Heading level={2} data-size="sm" id="deadline-without-title">
                {t('deadlines.withoutTitle')}
              </Heading>
              <List.Unordered data-testid="deadlines-without">
                {overview.withoutDeadline.map((w) => (
                  <List.Item key={w.service}>
                    <strong>{serviceName(w, i18n.language)}:</strong> {localized(w.why, i18n.language)}
                  </List.Item>
                ))}
              </List.Unordered>
            </section>
          )}
          <section className="stack" aria-labelledby="deadline-warn-title">
            <Heading level={2} data-size="sm" id="deadline-warn-title">
              {t('deadlines.warnTitle')}
            </Heading>
            <WarnDaysForm key={`${overview.profileId}-${overview.warnDays}`} warnDays={overview.warnDays} />
          </section>
          <ExtensionSection overview={overview} />
        </>
      )}
    </div>
  );
}
