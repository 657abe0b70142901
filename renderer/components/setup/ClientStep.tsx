import { useState, type FormEvent } from 'react';
import { Button, Heading, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SetupOverview } from '../../../shared/domain/setup';
import { useOpenExternal } from '../../bridge/queries';
import { useRegisterSandboxClient, useSetClientId } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';

/** Step 2: the Maskinporten client. One click in the sandbox; in test and production, made in Samarbeidsportalen. */
export function ClientStep({ overview }: { overview: SetupOverview }) {
  const { t } = useTranslation();
  const register = useRegisterSandboxClient();
  const pending = overview.keys.some((k) => k.status === 'pending');
  if (overview.environment === 'sandbox') {
    return (
      <div className="stack">
        <Paragraph>{t('setup.client.sandboxIntro')}</Paragraph>
        {overview.client && <ClientId clientId={overview.client.clientId} />}
        <div className="row">
          <Button
            variant={overview.client && !pending ? 'secondary' : 'primary'}
            onClick={() => register.mutate(undefined)}
            loading={register.isPending}
            data-testid="register-sandbox-client"
          >
            {overview.client ? t('setup.client.sandboxUpload') : t('setup.client.sandboxRegister')}
          </Button>
        </div>
        {register.error && <ErrorMessage error={register.error} />}
      </div>
    );
  }
  return <RealClient overview={overview} pending={pending} />;
}

function ClientId({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph data-testid="client-id">
      {t('setup.client.clientId')}: <code>{clientId}</code>
    </Paragraph>
  );
}

function RealClient({ overview, pending }: { overview: SetupOverview; pending: boolean }) {
  const { t } = useTranslation();
  const open = useOpenExternal();
  const save = useSetClientId();
  const [clientId, setClientId] = useState(overview.client?.clientId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(clientId);
  };
  const groups = [
    ['setup.client.scopesAltinn', overview.scopes.altinn],
    ['setup.client.scopesServices', overview.scopes.services],
    ['setup.client.scopesOptional', overview.scopes.optional],
  ] as const;
  return (
    <div className="stack">
      <Paragraph>{t('setup.client.realIntro')}</Paragraph>
      {overview.selfServicePortalUrl && (
        <div className="row">
          <Button
            variant="secondary"
            onClick={() => open.mutate(overview.selfServicePortalUrl ?? '')}
            data-testid="open-portal"
          >
            {t('setup.client.openPortal')}
          </Button>
        </div>
      )}
      {open.error && <ErrorMessage error={open.error} />}
      <Heading level={4} data-size="2xs">
        {t('setup.client.scopesTitle')}
      </Heading>
      <div className="setup-scopes" data-testid="required-scopes">
        {groups.map(([label, scopes]) => (
          <div key={label}>
            <Paragraph data-size="sm">{t(label)}</Paragraph>
            <List.Unordered data-size="sm">
              {scopes.map((s) => (
                <List.Item key={s}>
                  <code>{s}</code>
                </List.Item>
              ))}
            </List.Unordered>
          </div>
        ))}
      </div>
      <form onSubmit={submit} className="stack" noValidate>
        <Textfield
          label={t('setup.client.clientId')}
          description={t('setup.client.clientIdHelp')}
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          data-testid="client-id-input"
        />
        <div className="row">
          <Button type="submit" loading={save.isPending} disabled={clientId.trim() === ''}>
            {t('setup.client.saveClientId')}
          </Button>
        </div>
      </form>
      {save.error && <ErrorMessage error={save.error} />}
      {overview.client && pending && <Paragraph data-size="sm">{t('setup.client.pendingKeys')}</Paragraph>}
    </div>
  );
}
