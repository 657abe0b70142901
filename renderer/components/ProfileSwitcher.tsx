import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useActivateProfile, useProfiles } from '../bridge/queries';
import { formatOrgNumber } from '../../shared/format';

export function ProfileSwitcher() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const state = profiles.data;
  if (!state || state.profiles.length === 0) return null;
  return (
    <Field data-size="sm" className="profile-switcher">
      <Label>{t('profile.switcherLabel')}</Label>
      <Select
        value={state.activeProfileId ?? ''}
        onChange={(e) => activate.mutate(e.target.value)}
        disabled={activate.isPending}
      >
        {state.profiles.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {`${p.displayName} (${formatOrgNumber(p.orgNumber)}) · ${t(`env.${p.environment}`)}`}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
