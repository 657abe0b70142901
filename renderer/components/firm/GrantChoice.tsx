import { Checkbox, Fieldset, Radio } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  CLIENT_PACKAGES,
  accessPackageInfo,
  defaultClientPackages,
  type AccessPackageName,
} from '../../../shared/domain/access-packages';
import type { ProfileKind } from '../../../shared/domain/profile';
import type { GrantKind } from '../../../shared/domain/setup';
import type { ServiceId } from '../../../shared/domain/services-catalogue';

/** What the system is registered with: a business's rights or own-use packages; a firm's client packages. */
export interface Grant {
  grant: GrantKind;
  /** A firm's chosen client packages; null: the default for the services (defaultClientPackages). */
  clientPackages: AccessPackageName[] | null;
}

/** The registration input for the choice: main checks the packages against Skatteetaten's table and names any unknown. */
export function grantInput(kind: ProfileKind, grant: Grant, services: readonly ServiceId[]) {
  if (kind === 'firm') return { accessPackages: grant.clientPackages ?? defaultClientPackages(services) };
  return grant.grant === 'access-packages' ? { grant: grant.grant } : {};
}

/** The client packages Skatteetaten lists for the chosen services, each once, in the table's order. */
function offeredClientPackages(services: readonly ServiceId[]): AccessPackageName[] {
  return [...new Set(services.flatMap((s) => CLIENT_PACKAGES[s]?.packages ?? []))];
}

/** The plain-words choice of what the systembruker gets, shown before the system is registered. */
export function GrantChoice({
  kind,
  services,
  value,
  onChange,
}: {
  kind: ProfileKind;
  services: readonly ServiceId[];
  value: Grant;
  onChange: (next: Grant) => void;
}) {
  const { t, i18n } = useTranslation();
  if (kind === 'firm') {
    const chosen = value.clientPackages ?? defaultClientPackages(services);
    const toggle = (name: AccessPackageName, on: boolean) =>
      onChange({ ...value, clientPackages: on ? [...chosen, name] : chosen.filter((p) => p !== name) });
    return (
      <Fieldset data-testid="client-packages">
        <Fieldset.Legend>{t('firm.packagesLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('firm.packagesHelp')}</Fieldset.Description>
        {offeredClientPackages(services).map((name) => (
          <Checkbox
            key={name}
            value={name}
            checked={chosen.includes(name)}
            onChange={(e) => toggle(name, e.target.checked)}
            label={accessPackageInfo(name)?.title[i18n.language === 'en' ? 'en' : 'nb'] ?? name}
            description={name}
          />
        ))}
      </Fieldset>
    );
  }
  const options = [
    { grant: 'rights', label: 'firm.grantRights', help: 'firm.grantRightsHelp' },
    { grant: 'access-packages', label: 'firm.grantPackages', help: 'firm.grantPackagesHelp' },
  ] as const;
  return (
    <Fieldset data-testid="grant-choice">
      <Fieldset.Legend>{t('firm.grantLegend')}</Fieldset.Legend>
      {options.map((o) => (
        <Radio
          key={o.grant}
          label={t(o.label)}
          description={t(o.help)}
          name="grant-kind"
          value={o.grant}
          checked={value.grant === o.grant}
          onChange={() => onChange({ ...value, grant: o.grant })}
        />
      ))}
    </Fieldset>
  );
}
