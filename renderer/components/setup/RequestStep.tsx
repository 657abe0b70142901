import { useState } from 'react';
import { Alert, Button, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SetupOverview } from '../../../shared/domain/setup';
import { isValidOrgNumber, normaliseOrgNumber } from '../../../shared/domain/org-number';
import { useCreateRequest, useDiscardRequest, useOpenApproval, useRefreshRequest } from '../../bridge/setup-queries';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime, formatOrgNumber } from '../../../shared/format';

/** Step 4: the systembruker request, the owner's approval in Altinn (in the OS browser), and the wait for it. */
export function RequestStep({ overview }: { overview: SetupOverview }) {
  const request = overview.request;
  if (!request) return <NewRequest overview={overview} />;
  return <RequestStatus overview={overview} />;
}

function NewRequest({ overview }: { overview: SetupOverview }) {
  const { t } = useTranslation();
  const create = useCreateRequest();
  const [owner, setOwner] = useState(overview.orgNumber);
  const [touched, setTouched] = useState(false);
  const valid = isValidOrgNumber(normaliseOrgNumber(owner));
  return (
    <div className="stack">
      <Paragraph>{t(overview.kind === 'firm' ? 'firm.agentIntro' : 'setup.request.intro')}</Paragraph>
      <Textfield
        label={t('setup.request.owner')}
        description={t('setup.request.ownerHelp')}
        inputMode="numeric"
        autoComplete="off"
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        onBlur={() => setTouched(true)}
        error={touched && !valid ? t('setup.request.ownerInvalid') : undefined}
        data-testid="owner-org"
      />
      <div className="row">
        <Button
          onClick={() => (valid ? create.mutate(owner) : setTouched(true))}
          loading={create.isPending}
          data-testid="create-request"
        >
          {t('setup.request.create')}
        </Button>
      </div>
      {create.error && <ErrorMessage error={create.error} />}
    </div>
  );
}

function RequestStatus({ overview }: { overview: SetupOverview }) {
  const { t, i18n } = useTranslation();
  const open = useOpenApproval();
  const refresh = useRefreshRequest();
  const discard = useDiscardRequest();
  const request = overview.request;
  if (!request) return null;
  const org = formatOrgNumber(request.ownerOrgNumber);
  const time = formatDateTime(request.checkedAt, i18n.language);
  const error = open.error ?? refresh.error ?? discard.error;
  return (
    <div className="stack">
      <div role="status" aria-live="polite" data-testid="request-status" data-status={request.status}>
        {request.status === 'New' && (
          <Alert data-color="info">
            <div className="row">
              {request.watching && <Spinner aria-hidden data-size="sm" />}
              <strong>{t('setup.request.waiting', { org })}</strong>
            </div>
            <Paragraph data-size="sm">
              {request.watching ? t('setup.request.watching', { time }) : t('setup.request.notWatching', { time })}
            </Paragraph>
          </Alert>
        )}
        {request.status === 'Accepted' && <Alert data-color="success">{t('setup.request.accepted', { org })}</Alert>}
        {request.status === 'Rejected' && <Alert data-color="danger">{t('setup.request.rejected')}</Alert>}
        {request.status === 'Denied' && <Alert data-color="danger">{t('setup.request.denied')}</Alert>}
        {request.status === 'Timedout' && <Alert data-color="warning">{t('setup.request.timedout')}</Alert>}
      </div>
      {request.status === 'New' && (
        <>
          <Paragraph data-size="sm">{t('setup.request.openHelp')}</Paragraph>
          <div className="row">
            <Button onClick={() => open.mutate()} loading={open.isPending} data-testid="open-approval">
              {t('setup.request.open')}
            </Button>
            <Button variant="secondary" onClick={() => refresh.mutate(undefined)} loading={refresh.isPending}>
              {t('setup.request.checkNow')}
            </Button>
          </div>
        </>
      )}
      {(request.status === 'Rejected' || request.status === 'Denied' || request.status === 'Timedout') && (
        <div className="row">
          <Button onClick={() => discard.mutate(undefined)} loading={discard.isPending} data-testid="discard-request">
            {t('setup.request.discard')}
          </Button>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
