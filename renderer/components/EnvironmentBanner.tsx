import { Alert } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { EnvironmentName } from '../../shared/domain/profile';

/** Always visible, so nobody mistakes the sandbox or TT02 for the real thing (or the other way round). */
export function EnvironmentBanner({ environment }: { environment: EnvironmentName }) {
  const { t } = useTranslation();
  if (environment === 'sandbox') {
    return (
      <Alert data-color="info" data-size="sm" className="env-banner" data-testid="env-banner">
        {t('env.sandboxBanner')}
      </Alert>
    );
  }
  if (environment === 'test') {
    return (
      <Alert data-color="warning" data-size="sm" className="env-banner" data-testid="env-banner">
        {t('env.testBanner')}
      </Alert>
    );
  }
  return null;
}
