import { useState } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SetupOverview } from '../../../shared/domain/setup';
import type { ServiceId } from '../../../shared/domain/services-catalogue';
import { useRegisterSystem } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';
import { ServicePicker } from './ServicePicker';
import { ServiceChangeSection } from './ServiceChangeSection';
import { TechnicalDetails } from '../TechnicalDetails';
import { GrantChoice, grantInput, type Grant } from '../firm/GrantChoice';

/**
 * Step 3: the services the business reports, and its own private system in Altinn's system register. Once the
 * systembruker is approved, services are changed with a change request instead (no new systembruker).
 */
export function ServicesStep({ overview }: { overview: SetupOverview }) {
  const { t } = useTranslation();
  const register = useRegisterSystem();
  const [chosen, setChosen] = useState<ServiceId[]>(overview.system?.services ?? overview.services);
  const system = overview.system;
  const [grant, setGrant] = useState<Grant>({
    grant: system?.grant ?? 'rights',
    clientPackages: overview.kind === 'firm' ? (system?.accessPackages ?? null) : null,
  });
  const approved = overview.request?.status === 'Accepted' && system?.upToDate;
  return (
    <div className="stack">
      <Paragraph>{t('setup.services.intro')}</Paragraph>
      {system && system.upToDate && (
        <div className="stack" data-testid="system-registered">
          <Paragraph>{t('setup.services.registered')}</Paragraph>
          <TechnicalDetails>
            {t('setup.services.registeredDetails', { systemId: system.systemId, clientId: system.clientId })}
          </TechnicalDetails>
        </div>
      )}
      {system && !system.upToDate && <Alert data-color="warning">{t('setup.services.stale')}</Alert>}
      {approved ? (
        <ServiceChangeSection key={system.services.join(',')} overview={overview} />
      ) : (
        <>
          <ServicePicker legend={t('setup.services.legend')} chosen={chosen} onChange={setChosen} />
          <GrantChoice kind={overview.kind} services={chosen} value={grant} onChange={setGrant} />
          <div className="row">
            <Button
              variant={system?.upToDate ? 'secondary' : 'primary'}
              onClick={() => register.mutate({ services: chosen, ...grantInput(overview.kind, grant, chosen) })}
              disabled={chosen.length === 0}
              loading={register.isPending}
              data-testid="register-system"
            >
              {system ? t('setup.services.update') : t('setup.services.register')}
            </Button>
          </div>
          {register.error && <ErrorMessage error={register.error} />}
        </>
      )}
    </div>
  );
}
