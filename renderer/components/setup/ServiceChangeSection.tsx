import { useState } from 'react';
import { Alert, Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SetupOverview } from '../../../shared/domain/setup';
import { accessForServices, serviceById, type ServiceId } from '../../../shared/domain/services-catalogue';
import {
  useChangeServices,
  useDiscardChange,
  useOpenChangeApproval,
  useRefreshChange,
} from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';
import { ServicePicker } from './ServicePicker';
import { formatDateTime } from '../../../shared/format';
import { TechnicalDetails } from '../TechnicalDetails';

const STATUS_COLOR = {
  New: 'info',
  Accepted: 'success',
  NoChangeNeeded: 'success',
  Rejected: 'warning',
  Denied: 'warning',
  Timedout: 'warning',
} as const;

/**
 * For an approved systembruker: pick the services it should have, see what that adds and removes (with the rights),
 * send the change request, open Altinn's approval page, and follow the owner's decision.
 */
export function ServiceChangeSection({ overview }: { overview: SetupOverview }) {
  const { t, i18n } = useTranslation();
  const current = overview.system?.services ?? [];
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<ServiceId[]>(current);
  const change = useChangeServices();
  const open = useOpenChangeApproval();
  const refresh = useRefreshChange();
  const discard = useDiscardChange();
  const pending = overview.changeRequest;
  const added = chosen.filter((s) => !current.includes(s));
  const removed = current.filter((s) => !chosen.includes(s));
  const name = (id: ServiceId) => (i18n.language === 'en' ? serviceById(id).name.en : serviceById(id).name.nb);
  const rightOf = (id: ServiceId) => accessForServices([id]).rights[0]?.resource[0]?.value ?? '';
  // The services by name; the Altinn right each one asks for is a technical detail.
  const diffList = (ids: ServiceId[], testId: string) => (
    <>
      <List.Unordered data-testid={testId}>
        {ids.map((id) => (
          <List.Item key={id}>{name(id)}</List.Item>
        ))}
      </List.Unordered>
      <TechnicalDetails testId={`${testId}-rights`}>
        <List.Unordered data-size="sm">
          {ids.map((id) => (
            <List.Item key={id}>
              {name(id)} · {t('serviceChange.right')} <code>{rightOf(id)}</code>
            </List.Item>
          ))}
        </List.Unordered>
      </TechnicalDetails>
    </>
  );
  const send = () =>
    change.mutate(
      { services: chosen },
      {
        onSuccess: () => setEditing(false),
      },
    );

  return (
    <section className="stack" aria-labelledby="service-change-title" data-testid="service-change">
      <Heading level={4} data-size="2xs" id="service-change-title">
        {t('serviceChange.title')}
      </Heading>
      <Paragraph data-size="sm">{t('serviceChange.intro')}</Paragraph>

      {pending && (
        <Alert
          data-color={STATUS_COLOR[pending.status]}
          data-testid="change-status"
          data-status={pending.status}
          role="status"
        >
          <Paragraph>{t(`serviceChange.status.${pending.status}`)}</Paragraph>
          {pending.added.length > 0 && (
            <>
              <Paragraph data-size="sm">{t('serviceChange.added')}:</Paragraph>
              {diffList(pending.added, 'change-status-added')}
            </>
          )}
          {pending.removed.length > 0 && (
            <>
              <Paragraph data-size="sm">{t('serviceChange.removed')}:</Paragraph>
              {diffList(pending.removed, 'change-status-removed')}
            </>
          )}
          <Paragraph data-size="xs">
            {t('serviceChange.checkedAt', { at: formatDateTime(pending.checkedAt, i18n.language) })}
          </Paragraph>
          <div className="row">
            {pending.status === 'New' && (
              <>
                <Button onClick={() => open.mutate()} loading={open.isPending} data-testid="open-change-approval">
                  {t('serviceChange.openApproval')}
                </Button>
                <Button variant="secondary" onClick={() => refresh.mutate()} loading={refresh.isPending}>
                  {t('serviceChange.refresh')}
                </Button>
              </>
            )}
            <Button
              variant="tertiary"
              onClick={() => discard.mutate()}
              loading={discard.isPending}
              data-testid="discard-change"
            >
              {t('serviceChange.discard')}
            </Button>
          </div>
        </Alert>
      )}

      {!editing && pending?.status !== 'New' && (
        <div className="row">
          <Button
            variant="secondary"
            onClick={() => {
              setChosen(current);
              setEditing(true);
            }}
            data-testid="start-change"
          >
            {t('serviceChange.start')}
          </Button>
        </div>
      )}

      {editing && (
        <div className="stack">
          <ServicePicker
            legend={t('serviceChange.legend')}
            chosen={chosen}
            onChange={setChosen}
            testIdPrefix="change-service"
          />
          <Heading level={5} data-size="2xs">
            {t('serviceChange.diffTitle')}
          </Heading>
          {added.length === 0 && removed.length === 0 ? (
            <Paragraph data-size="sm">{t('serviceChange.noChange')}</Paragraph>
          ) : (
            <div data-testid="change-diff">
              {added.length > 0 && (
                <>
                  <Paragraph data-size="sm">{t('serviceChange.added')}:</Paragraph>
                  {diffList(added, 'change-diff-added')}
                </>
              )}
              {removed.length > 0 && (
                <>
                  <Paragraph data-size="sm">{t('serviceChange.removed')}:</Paragraph>
                  {diffList(removed, 'change-diff-removed')}
                </>
              )}
            </div>
          )}
          <div className="row">
            <Button
              onClick={send}
              disabled={chosen.length === 0 || (added.length === 0 && removed.length === 0)}
              loading={change.isPending}
              data-testid="send-change"
            >
              {t('serviceChange.send')}
            </Button>
            <Button variant="tertiary" onClick={() => setEditing(false)}>
              {t('serviceChange.cancel')}
            </Button>
          </div>
        </div>
      )}
      {[change.error, open.error, refresh.error, discard.error].map(
        (error, i) => error && <ErrorMessage key={i} error={error} />,
      )}
    </section>
  );
}
