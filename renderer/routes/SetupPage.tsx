import { useState } from 'react';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useProfiles } from '../bridge/queries';
import { ProfileForm } from '../components/ProfileForm';
import { ProfileList } from '../components/ProfileList';
import { EmptyState } from '../components/EmptyState';
import { SetupWizard } from '../components/setup/SetupWizard';

export function SetupPage() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const [created, setCreated] = useState<string | null>(null);
  const hasProfiles = (profiles.data?.profiles.length ?? 0) > 0;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('setup.title')}
      </Heading>
      <Paragraph>{t('setup.intro')}</Paragraph>
      {created && (
        <Alert data-color="success" role="status">
          {t('profile.created', { name: created })}
        </Alert>
      )}
      {!hasProfiles && profiles.isSuccess && (
        <EmptyState title={t('setup.noProfileTitle')}>{t('setup.noProfileBody')}</EmptyState>
      )}
      <ProfileList />
      {/* The active profile's Maskinporten and Altinn setup, below the profile step it depends on. */}
      {profiles.data?.activeProfileId && <SetupWizard key={profiles.data.activeProfileId} />}
      <ProfileForm onCreated={setCreated} />
    </div>
  );
}
