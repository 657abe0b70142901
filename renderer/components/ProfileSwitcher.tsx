import { useMemo, useState } from 'react';
import { EXPERIMENTAL_Suggestion as Suggestion, Field, Label } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useActivateProfile, useProfiles } from '../bridge/queries';
import { formatOrgNumber } from '../../shared/format';
import { companyMatcher } from './company-search';

/** Options drawn at once: enough to pick from by eye; past that the user types (500 options would be 500 nodes). */
export const SWITCHER_OPTIONS = 50;

/**
 * The header's organisation switcher: a combobox (Designsystemet's Suggestion) that searches every profile by name
 * or org number and draws only the first matches, so 500 profiles open as fast as five. Choosing one activates it;
 * the pages' data is per profile in the query cache, so switching back is instant.
 */
export function ProfileSwitcher() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const [typed, setTyped] = useState<string | null>(null);
  const state = profiles.data;
  const active = state?.profiles.find((p) => p.id === state.activeProfileId);
  const labelOf = (p: { displayName: string; orgNumber: string; environment: string }) =>
    `${p.displayName} (${formatOrgNumber(p.orgNumber)}) · ${t(`env.${p.environment as 'sandbox'}`)}`;
  const shown = useMemo(() => {
    const matches = companyMatcher(typed ?? '');
    return (state?.profiles ?? []).filter((p) => matches(p.displayName, p.orgNumber)).slice(0, SWITCHER_OPTIONS);
  }, [state, typed]);
  if (!state || state.profiles.length === 0) return null;
  return (
    <Field data-size="sm" className="profile-switcher">
      <Label>{t('profile.switcherLabel')}</Label>
      <Suggestion
        filter={false}
        selected={active ? { label: labelOf(active), value: active.id } : null}
        onSelectedChange={(item) => {
          setTyped(null);
          if (item && item.value !== state.activeProfileId) activate.mutate(item.value);
        }}
        data-testid="profile-switcher"
      >
        <Suggestion.Input
          placeholder={t('switcher.placeholder')}
          onInput={(e) => setTyped(e.currentTarget.value)}
          onFocus={() => setTyped('')}
          disabled={activate.isPending}
        />
        <Suggestion.Clear />
        <Suggestion.List>
          <Suggestion.Empty>{t('switcher.none')}</Suggestion.Empty>
          {shown.map((p) => (
            <Suggestion.Option key={p.id} value={p.id} label={labelOf(p)}>
              {labelOf(p)}
            </Suggestion.Option>
          ))}
        </Suggestion.List>
      </Suggestion>
    </Field>
  );
}
