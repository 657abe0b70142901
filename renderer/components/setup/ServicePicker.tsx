import { Checkbox, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { accessForServices, offeredServices, type ServiceId } from '../../../shared/domain/services-catalogue';
import { localized } from '../../i18n';
import { TechnicalDetails } from '../TechnicalDetails';

type Group = 'aordningen' | 'aksjonaer' | 'skattekort' | 'tredjepart' | 'other';

/** Which area of Skatteetaten a service belongs to, from its id, so a service added to the catalogue finds its group. */
function groupOf(id: ServiceId): Group {
  if (id.startsWith('a-melding')) return 'aordningen';
  if (id === 'aksjonaerregisteroppgave') return 'aksjonaer';
  if (id.startsWith('skattekort')) return 'skattekort';
  if (id.startsWith('tredjepart-')) return 'tredjepart';
  return 'other';
}

const GROUPS: Group[] = ['aordningen', 'aksjonaer', 'skattekort', 'tredjepart', 'other'];

/**
 * The services Innsender can send, grouped, by name; what each asks Altinn for (the single right, the access
 * packages the API also accepts, the scope, and UNCONFIRMED notes) is under technical details.
 */
export function ServicePicker({
  legend,
  chosen,
  onChange,
  testIdPrefix = 'service',
}: {
  legend: string;
  chosen: readonly ServiceId[];
  onChange: (chosen: ServiceId[]) => void;
  testIdPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const offered = offeredServices(chosen);
  const toggle = (id: ServiceId, on: boolean) =>
    onChange(on ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id));
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {GROUPS.map((group) => {
        const services = offered.filter((s) => groupOf(s.id) === group);
        if (services.length === 0) return null;
        return (
          <div key={group} className="service-group" data-testid={`service-group-${group}`}>
            <Paragraph data-size="sm" className="service-group__name">
              <strong>{t(`serviceChange.groups.${group}`)}</strong>
            </Paragraph>
            {services.map((s) => (
              <Checkbox
                key={s.id}
                value={s.id}
                checked={chosen.includes(s.id)}
                onChange={(e) => toggle(s.id, e.target.checked)}
                label={localized(s.name, i18n.language)}
                description={s.sendable ? undefined : t('setup.services.notSendable')}
                data-testid={`${testIdPrefix}-${s.id}`}
              />
            ))}
          </div>
        );
      })}
      {chosen.length === 0 && <ValidationMessage>{t('setup.services.noneChosen')}</ValidationMessage>}
      <TechnicalDetails testId={`${testIdPrefix}-technical`}>
        <ul>
          {offered.map((s) => {
            const right = accessForServices([s.id]).rights[0]?.resource[0]?.value ?? s.resource;
            const packages = s.accessPackages.map((p) => p.replace('urn:altinn:accesspackage:', ''));
            const access = [
              t('serviceChange.requestsRight', { resource: right }),
              packages.length
                ? t('serviceChange.packageAlternative', { packages: packages.join(', ') })
                : t('serviceChange.noPackage'),
              t('setup.services.scope', { scope: s.scope }),
              ...(s.unconfirmed
                ? [`${t('setup.services.unconfirmed')}: ${localized(s.unconfirmed, i18n.language)}`]
                : []),
            ];
            return (
              <li key={s.id} data-testid={`${testIdPrefix}-${s.id}-access`}>
                <strong>{localized(s.name, i18n.language)}</strong>: {access.join(' · ')}
              </li>
            );
          })}
        </ul>
      </TechnicalDetails>
    </Fieldset>
  );
}
