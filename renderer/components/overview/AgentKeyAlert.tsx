import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { latestKeyExpiry } from './agent-key-expiry';
import { useSetupOverview } from '../../bridge/setup-queries';
import { EXPIRY_WARNING_DAYS, keyExpiryText } from '../../../shared/domain/key-expiry';
import { formatDate, languageOf } from '../../../shared/format';

/**
 * The firm's one Maskinporten key where the bookkeeper works (Oversikt): every client's report is sent with it, so
 * past its year Maskinporten refuses them all (MP-121). Oppsett's key step warned, but a firm's day starts here.
 */
export function AgentKeyAlert() {
  const { t, i18n } = useTranslation();
  const setup = useSetupOverview();
  const expiry = setup.data ? latestKeyExpiry(setup.data.keys) : undefined;
  if (!expiry || expiry.daysLeft > EXPIRY_WARNING_DAYS) return null;
  const expired = expiry.daysLeft < 0;
  const lang = languageOf(i18n.language);
  return (
    <Alert data-color={expired ? 'danger' : 'warning'} data-testid="agent-key-alert">
      <Heading level={2} data-size="xs">
        {t(expired ? 'overview.keyExpired' : 'overview.keyExpiring')}
      </Heading>
      <Paragraph>
        {expired
          ? t('overview.keyExpiredBody', { date: formatDate(expiry.expiresAt, lang) })
          : t('overview.keyExpiringBody', { when: keyExpiryText(expiry.expiresAt, expiry.daysLeft)[lang] })}
      </Paragraph>
      <Paragraph>
        <RouterLink to="/setup">{t('overview.keyToSetup')}</RouterLink>
      </Paragraph>
    </Alert>
  );
}
