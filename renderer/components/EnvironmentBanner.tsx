import { Alert } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { EnvironmentName } from '../../shared/domain/profile';
import { useEnvironment } from '../bridge/queries';
import { localized } from '../i18n';

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
  if (environment === 'custom') return <CustomEnvironmentNotice />;
  return null;
}

/**
 * A custom environment whose file cannot be used now (unreadable, invalid, or naming hosts nobody confirmed): said
 * at once on every page, since every call stops until it is fixed; the profile and its data are untouched.
 */
function CustomEnvironmentNotice() {
  const { t, i18n } = useTranslation();
  const env = useEnvironment().data;
  if (env?.status !== 'invalid' && env?.status !== 'unconfirmed-hosts') return null;
  return (
    <Alert data-color="danger" data-size="sm" className="env-banner" data-testid="env-banner">
      {t('env.customProblem', { message: localized(env.message, i18n.language) })}{' '}
      <RouterLink to="/settings">{t('env.customProblemLink')}</RouterLink>
    </Alert>
  );
}
