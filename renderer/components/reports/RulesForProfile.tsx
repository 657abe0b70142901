import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatOrgNumber } from '../../../shared/format';
import type { Profile } from '../../../shared/domain/profile';

/** Whose organisation and environment the offline checks use, or what to do when no profile is active. */
export function RulesForProfile({
  profile,
  testId,
  noProfile,
}: {
  profile: Profile | null;
  testId: string;
  /** Said when there is no active profile (each page says what it cannot do without one). */
  noProfile: string;
}) {
  const { t } = useTranslation();
  if (!profile) return <Alert data-color="info">{noProfile}</Alert>;
  return (
    <Paragraph data-size="sm" data-testid={testId}>
      {t('reports.rulesFor', {
        name: profile.displayName,
        org: formatOrgNumber(profile.orgNumber),
        env: t(`env.${profile.environment}`),
      })}
    </Paragraph>
  );
}
