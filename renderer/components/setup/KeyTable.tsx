import { Button, Details, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { KeyView, SetupOverview } from '../../../shared/domain/setup';
import { useCopyPublicJwk, useMarkKeyRegistered, useRetireKey, useSavePublicJwk } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';
import { formatDate } from '../../../shared/format';
import { PortalKidField } from './PortalKidField';

const STATUS_COLOR = { pending: 'warning', active: 'success', retired: 'neutral' } as const;

/** The profile's keys: age, expiry, the public JWK to copy or save, and the rotation actions. */
export function KeyTable({ overview }: { overview: SetupOverview }) {
  const { t, i18n } = useTranslation();
  const copy = useCopyPublicJwk();
  const save = useSavePublicJwk();
  const confirm = useMarkKeyRegistered();
  const retire = useRetireKey();
  const activeCount = overview.keys.filter((k) => k.status === 'active').length;
  const canConfirm = overview.environment !== 'sandbox';
  const error = copy.error ?? save.error ?? confirm.error ?? retire.error;

  const expiry = (k: KeyView) => {
    if (!k.expiresAt) return t('setup.key.notRegistered');
    const date = formatDate(k.expiresAt, i18n.language);
    // Past its year Maskinporten refuses it (MP-121): a date gone by, not a negative count.
    return (k.daysLeft ?? 0) < 0
      ? t('setup.key.expiredOn', { date })
      : t('setup.key.expiresIn', { date, count: k.daysLeft ?? 0 });
  };

  return (
    <div className="stack">
      <Table data-size="sm" data-testid="key-table">
        <caption className="visually-hidden">{t('setup.key.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('setup.key.kid')}</Table.HeaderCell>
            <Table.HeaderCell>{t('setup.key.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('setup.key.age')}</Table.HeaderCell>
            <Table.HeaderCell>{t('setup.key.expires')}</Table.HeaderCell>
            <Table.HeaderCell>{t('setup.key.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {overview.keys.map((k) => (
            <Table.Row key={k.kid} data-testid="key-row" data-kid={k.kid}>
              <Table.Cell>
                <code className="setup-kid">{k.kid}</code>
                {k.certificate && (
                  <div className="setup-muted">
                    {t('setup.key.certificate', { subject: k.certificate.subject.replace(/\n/g, ', ') })}
                  </div>
                )}
                {canConfirm && !k.certificate && k.status !== 'retired' && <PortalKidField keyView={k} />}
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={STATUS_COLOR[k.status]}>{t(`setup.key.statusLabel.${k.status}`)}</Tag>
              </Table.Cell>
              <Table.Cell>{t('setup.key.ageDays', { count: k.ageDays })}</Table.Cell>
              <Table.Cell>{k.status === 'retired' ? '–' : expiry(k)}</Table.Cell>
              <Table.Cell>
                {k.status !== 'retired' && (
                  <div className="row">
                    {k.origin !== 'certificate' && (
                      <>
                        <Button
                          variant="secondary"
                          data-size="sm"
                          onClick={() => copy.mutate(k.kid)}
                          data-testid="copy-jwk"
                        >
                          {t('setup.key.copy')}
                        </Button>
                        <Button
                          variant="secondary"
                          data-size="sm"
                          onClick={() => save.mutate(k.kid)}
                          data-testid="save-jwk"
                        >
                          {t('setup.key.save')}
                        </Button>
                      </>
                    )}
                    {canConfirm && k.status === 'pending' && (
                      <Button data-size="sm" onClick={() => confirm.mutate(k.kid)} data-testid="confirm-registered">
                        {t('setup.key.confirmRegistered')}
                      </Button>
                    )}
                    {k.status === 'active' && activeCount > 1 && (
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        data-testid="retire-key"
                        onClick={() => {
                          if (window.confirm(t('setup.key.retireConfirm', { kid: k.kid }))) retire.mutate(k.kid);
                        }}
                      >
                        {t('setup.key.retire')}
                      </Button>
                    )}
                  </div>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {copy.isSuccess && (
        <p role="status" className="setup-note">
          {t('setup.key.copied')}
        </p>
      )}
      {save.data?.path && (
        <p role="status" className="setup-note">
          {t('setup.key.saved', { path: save.data.path })}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {overview.keys
        .filter((k) => k.status !== 'retired' && k.origin !== 'certificate')
        .slice(-1)
        .map((k) => (
          <Details key={k.kid}>
            <Details.Summary>{t('setup.key.showJwk')}</Details.Summary>
            <Details.Content>
              <pre className="setup-jwk" data-testid="public-jwk">
                {JSON.stringify([k.publicJwk], null, 2)}
              </pre>
            </Details.Content>
          </Details>
        ))}
    </div>
  );
}
