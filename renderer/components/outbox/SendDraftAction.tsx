import { useState } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SubmitPreview } from '../../../shared/outbox/outbox-views';
import { useSubmitDraft, useSubmitPreview } from '../../bridge/outbox-queries';
import { ErrorMessage } from '../ErrorMessage';
import { FactList } from '../reports/FactList';
import { formatCount, formatOrgNumber } from '../reports/format';
import './outbox.css';

/**
 * "Send" on an error-free draft: first what will be sent, for which organisation, to which environment and host
 * (production said loudly), then the draft is queued in the outbox and the user is pointed there.
 */
export function SendDraftAction({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = useSubmitPreview(open ? draftId : null);
  const submit = useSubmitDraft();

  if (submit.isSuccess) {
    return (
      <Paragraph role="status" data-testid="sent-to-outbox">
        {t('outbox.send.queued')} <RouterLink to="/outbox">{t('outbox.send.toOutbox')}</RouterLink>
      </Paragraph>
    );
  }
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="send-draft">
        {t('outbox.send.button')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={t('outbox.send.close')}
        aria-labelledby="send-dialog-title"
        data-testid="send-dialog"
        className="outbox-preview"
      >
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="send-dialog-title">
            {t('outbox.send.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="stack">
          {preview.isPending && <Spinner aria-label={t('app.loading')} />}
          {preview.error && <ErrorMessage error={preview.error} />}
          {preview.data && <PreviewBody preview={preview.data} />}
          {submit.error && <ErrorMessage error={submit.error} />}
        </Dialog.Block>
        <Dialog.Block className="row">
          {preview.data && !preview.data.existing && (
            <Button
              data-color={isProduction(preview.data) ? 'danger' : 'accent'}
              loading={submit.isPending}
              disabled={submit.isPending}
              data-testid="confirm-send"
              onClick={() => submit.mutate(draftId, { onSuccess: () => setOpen(false) })}
            >
              {t(isProduction(preview.data) ? 'outbox.send.confirmProduction' : 'outbox.send.confirm')}
            </Button>
          )}
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('outbox.send.cancel')}
          </Button>
        </Dialog.Block>
      </Dialog>
    </>
  );
}

/** Custom points anywhere, possibly at the real services: it is treated as production. */
const isProduction = (p: SubmitPreview) => p.environment === 'production' || p.environment === 'custom';

function PreviewBody({ preview }: { preview: SubmitPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {isProduction(preview) ? (
        <Alert data-color="danger" data-testid="production-warning">
          <Heading level={3} data-size="xs">
            {t('outbox.send.productionTitle')}
          </Heading>
          <Paragraph>
            {t('outbox.send.productionBody', {
              name: preview.profile.displayName,
              org: formatOrgNumber(preview.profile.orgNumber),
            })}
          </Paragraph>
        </Alert>
      ) : (
        <Alert data-color={preview.environment === 'test' ? 'warning' : 'info'} data-testid="environment-note">
          {t(preview.environment === 'test' ? 'outbox.send.testNote' : 'outbox.send.sandboxNote')}
        </Alert>
      )}
      <FactList
        testId="send-preview"
        facts={[
          [t('outbox.send.what'), preview.label],
          [
            t('outbox.send.organisation'),
            `${preview.profile.displayName} (${formatOrgNumber(preview.profile.orgNumber)})`,
          ],
          [t('outbox.send.environment'), t(`env.${preview.environment}`)],
          [t('outbox.send.destination'), <code key="d">{preview.destination}</code>],
          [t('outbox.send.size'), t('outbox.send.bytes', { bytes: formatCount(preview.payloadBytes, i18n.language) })],
          [t('outbox.send.sha256'), <code key="s">{preview.payloadSha256}</code>],
        ]}
      />
      {preview.existing ? (
        <Paragraph data-testid="already-in-outbox">
          {t('outbox.send.already', { state: t(`outbox.state.${preview.existing.state.kind}`) })}{' '}
          <RouterLink to="/outbox">{t('outbox.send.toOutbox')}</RouterLink>
        </Paragraph>
      ) : (
        <Paragraph data-size="sm">{t('outbox.send.durable')}</Paragraph>
      )}
    </>
  );
}
