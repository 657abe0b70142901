import { useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SetupOverview } from '../../../shared/domain/setup';
import { SERVICES, type ServiceId } from '../../../shared/domain/services-catalogue';
import { useRegisterSystem } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';

/** Step 3: the services the business reports, and its own private system in Altinn's system register. */
export function ServicesStep({ overview }: { overview: SetupOverview }) {
  const { t, i18n } = useTranslation();
  const register = useRegisterSystem();
  const [chosen, setChosen] = useState<ServiceId[]>(overview.system?.services ?? overview.services);
  const toggle = (id: ServiceId, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((c) => c !== id)));
  const system = overview.system;
  return (
    <div className="stack">
      <Paragraph>{t('setup.services.intro')}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t('setup.services.legend')}</Fieldset.Legend>
        {SERVICES.map((s) => (
          <Checkbox
            key={s.id}
            value={s.id}
            checked={chosen.includes(s.id)}
            onChange={(e) => toggle(s.id, e.target.checked)}
            label={i18n.language === 'en' ? s.name.en : s.name.nb}
            description={
              t('setup.services.scope', { scope: s.scope }) +
              (s.unconfirmed ? ` · ${t('setup.services.unconfirmed')}` : '')
            }
            data-testid={`service-${s.id}`}
          />
        ))}
        {chosen.length === 0 && <ValidationMessage>{t('setup.services.noneChosen')}</ValidationMessage>}
      </Fieldset>
      {system && system.upToDate && (
        <Paragraph data-testid="system-registered">
          {t('setup.services.registered', { systemId: system.systemId, clientId: system.clientId })}
        </Paragraph>
      )}
      {system && !system.upToDate && <Alert data-color="warning">{t('setup.services.stale')}</Alert>}
      <div className="row">
        <Button
          variant={system?.upToDate ? 'secondary' : 'primary'}
          onClick={() => register.mutate({ services: chosen })}
          disabled={chosen.length === 0}
          loading={register.isPending}
          data-testid="register-system"
        >
          {system ? t('setup.services.update') : t('setup.services.register')}
        </Button>
      </div>
      {register.error && <ErrorMessage error={register.error} />}
    </div>
  );
}
