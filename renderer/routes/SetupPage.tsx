import { useState } from 'react';
import { Alert, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isValidOrgNumber, normaliseOrgNumber } from '../../shared/domain/org-number';
import { useProfiles } from '../bridge/queries';
import { ProfileForm } from '../components/ProfileForm';
import { ProfileList } from '../components/ProfileList';
import { EmptyState } from '../components/EmptyState';
import { SetupWizard } from '../components/setup/SetupWizard';

/** A few profiles are shown open; more fold away behind their count, searchable when opened. */
const OPEN_LIST_UP_TO = 5;

export function SetupPage() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const [created, setCreated] = useState<string | null>(null);
  // `?org=` (the routed files' "set up" link): prefilled only when it is an org number at all.
  const [params] = useSearchParams();
  const asked = normaliseOrgNumber(params.get('org') ?? '');
  const prefill = isValidOrgNumber(asked) ? asked : undefined;
  const count = profiles.data?.profiles.length ?? 0;
  const hasProfiles = count > 0;
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
      {/* The active profile's Maskinporten and Altinn setup first: with 500 profiles the list would push it far down. */}
      {profiles.data?.activeProfileId && <SetupWizard key={profiles.data.activeProfileId} />}
      {hasProfiles && (
        <Details defaultOpen={count <= OPEN_LIST_UP_TO} data-testid="profile-list-details">
          <Details.Summary>{t('setupProfiles.title', { count })}</Details.Summary>
          <Details.Content>
            <ProfileList />
          </Details.Content>
        </Details>
      )}
      <ProfileForm key={prefill ?? ''} onCreated={setCreated} {...(prefill ? { initialOrgNumber: prefill } : {})} />
    </div>
  );
}
