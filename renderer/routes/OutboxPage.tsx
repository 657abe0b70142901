import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../components/EmptyState';

export function OutboxPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('outbox.title')}
      </Heading>
      <EmptyState
        title={t('outbox.emptyTitle')}
        action={<RouterLink to="/reports">{t('outbox.goToReports')}</RouterLink>}
      >
        {t('outbox.emptyBody')}
      </EmptyState>
    </div>
  );
}
