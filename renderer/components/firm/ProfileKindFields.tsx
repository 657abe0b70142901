import { Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { EnvironmentName, ProfileKind } from '../../../shared/domain/profile';

export interface ProfileKindChoice {
  kind: ProfileKind;
  /** Sandbox and test only: the Tenor organisation the reports and the systembruker are for. */
  reportsOrg: string;
}

/** What the new profile is (a business for itself, or an accounting firm for clients), and the test-only reports org. */
export function ProfileKindFields({
  value,
  onChange,
  environment,
}: {
  value: ProfileKindChoice;
  onChange: (next: ProfileKindChoice) => void;
  environment: EnvironmentName;
}) {
  const { t } = useTranslation();
  const kinds = [
    { kind: 'business', label: 'firm.kindBusiness', help: 'firm.kindBusinessHelp' },
    { kind: 'firm', label: 'firm.kindFirm', help: 'firm.kindFirmHelp' },
  ] as const;
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{t('firm.kindLegend')}</Fieldset.Legend>
        {kinds.map((k) => (
          <Radio
            key={k.kind}
            label={t(k.label)}
            description={t(k.help)}
            name="profile-kind"
            value={k.kind}
            checked={value.kind === k.kind}
            onChange={() => onChange({ ...value, kind: k.kind })}
            data-testid={`profile-kind-${k.kind}`}
          />
        ))}
      </Fieldset>
      {(environment === 'sandbox' || environment === 'test') && (
        <Textfield
          label={t('firm.reportsOrg')}
          description={t('firm.reportsOrgHelp')}
          inputMode="numeric"
          autoComplete="off"
          value={value.reportsOrg}
          onChange={(e) => onChange({ ...value, reportsOrg: e.target.value })}
          data-testid="reports-org"
        />
      )}
    </>
  );
}

/** The choice as `profiles.create` takes it: nothing for a plain business, so older profiles and new ones match. */
export function profileKindInput(choice: ProfileKindChoice, environment: EnvironmentName) {
  const reportsOrg = choice.reportsOrg.trim();
  return {
    ...(choice.kind === 'firm' ? { kind: 'firm' as const } : {}),
    ...(reportsOrg && (environment === 'sandbox' || environment === 'test') ? { reportsOrgNumber: reportsOrg } : {}),
  };
}
