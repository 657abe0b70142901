import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export function FeedbackPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('feedback.title')}
      </Heading>
      <EmptyState title={t('feedback.emptyTitle')}>{t('feedback.emptyBody')}</EmptyState>
    </div>
  );
}
