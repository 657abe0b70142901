import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('reports.title')}
      </Heading>
    </div>
  );
}
