import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { DelegationState, FirmClientsView } from '../../../shared/domain/firm';
import { serviceById } from '../../../shared/domain/services-catalogue';
import { useConfirmDelegation, useRemoveClient } from '../../bridge/firm-queries';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime, formatOrgNumber } from '../../../shared/format';

const STATE = {
  delegated: { key: 'firm.stateDelegated', color: 'success' },
  'not-delegated': { key: 'firm.stateNotDelegated', color: 'warning' },
  removed: { key: 'firm.stateRemoved', color: 'danger' },
} as const satisfies Record<DelegationState, { key: string; color: string }>;

/** Every client with where its delegation stands in Altinn, as last read. */
export function ClientList({ view }: { view: FirmClientsView }) {
  const { t, i18n } = useTranslation();
  const remove = useRemoveClient();
  const confirm = useConfirmDelegation();
  const en = i18n.language === 'en';
  return (
    <section className="stack" aria-labelledby="client-list-title">
      <Heading level={2} data-size="sm" id="client-list-title">
        {t('firm.listTitle')}
      </Heading>
      {view.clients.length === 0 ? (
        <Paragraph>{t('firm.none')}</Paragraph>
      ) : (
        <Table data-testid="client-list">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('firm.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('firm.orgNumber')}</Table.HeaderCell>
              <Table.HeaderCell>Altinn</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.clients.map((c) => {
              const state = STATE[c.delegation.state];
              return (
                <Table.Row key={c.orgNumber} data-org={c.orgNumber} data-state={c.delegation.state}>
                  <Table.Cell>
                    {c.name}
                    <Paragraph data-size="xs">
                      {t('firm.services', {
                        services: c.services.map((s) => serviceById(s).name[en ? 'en' : 'nb']).join(', '),
                      })}
                    </Paragraph>
                  </Table.Cell>
                  <Table.Cell>{formatOrgNumber(c.orgNumber)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={state.color}>{t(state.key)}</Tag>
                    <Paragraph data-size="xs">
                      {c.delegation.checkedAt
                        ? t('firm.checkedAt', { time: formatDateTime(c.delegation.checkedAt, i18n.language) })
                        : t('firm.neverChecked')}
                    </Paragraph>
                  </Table.Cell>
                  <Table.Cell>
                    {/* Every row has these buttons: a screen reader's list of buttons says which client each is for. */}
                    <div className="row">
                      {!view.delegationApi && c.delegation.state !== 'delegated' && (
                        <Button variant="secondary" data-size="sm" onClick={() => confirm.mutate(c.orgNumber)}>
                          {t('firm.confirm')}
                          <span className="visually-hidden">: {c.name}</span>
                        </Button>
                      )}
                      <Button variant="tertiary" data-size="sm" onClick={() => remove.mutate(c.orgNumber)}>
                        {t('firm.remove')}
                        <span className="visually-hidden">: {c.name}</span>
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      {(remove.error ?? confirm.error) && <ErrorMessage error={remove.error ?? confirm.error} />}
    </section>
  );
}
