import { useState } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { alreadySentOf } from '../../../shared/outbox/duplicate-key';
import type { SubmitPreview } from '../../../shared/outbox/outbox-views';
import { AlreadySentNote } from './AlreadySentNote';
import { ErrorMessage } from '../ErrorMessage';
import { formatOrgNumber } from '../../../shared/format';
import { TechnicalDetails } from '../TechnicalDetails';
import { SendPreviewFacts, SendPreviewTechnical } from './SendPreviewFacts';
import './outbox.css';

/** The preview of what a draft would send, as a query gives it. */
export interface SendPreviewQuery {
  isPending: boolean;
  error: unknown;
  data: SubmitPreview | undefined;
}

/** Queueing a draft in the outbox, as a mutation does it. */
export interface SendMutation {
  isSuccess: boolean;
  isPending: boolean;
  error: unknown;
  mutate(draftId: string, options: { onSuccess: () => void }): void;
}

export interface ConfirmSendActionProps {
  draftId: string;
  /** The draft's own preview query (fetched only while the dialog is open: null then). */
  usePreview(draftId: string | null): SendPreviewQuery;
  useSubmit(): SendMutation;
  /** Said to screen readers after "Send", where several drafts each have one. */
  hiddenLabel?: string;
  size?: 'sm';
  testIds: { send: string; dialog: string; confirm: string; sent: string };
}

/**
 * "Send" on an error-free draft: first what the report says (period, people, totals), for which organisation and
 * environment (production said loudly), with bytes, hash and host under technical details; then the draft is
 * queued in the outbox and the user is pointed there.
 */
export function ConfirmSendAction({
  draftId,
  usePreview,
  useSubmit,
  hiddenLabel,
  size,
  testIds,
}: ConfirmSendActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = usePreview(open ? draftId : null);
  const submit = useSubmit();
  const titleId = `${testIds.dialog}-title-${draftId}`;

  if (submit.isSuccess) {
    return (
      <Paragraph role="status" data-testid={testIds.sent}>
        {t('outbox.send.queued')} <RouterLink to="/outbox">{t('outbox.send.toOutbox')}</RouterLink>
      </Paragraph>
    );
  }
  return (
    <>
      <Button {...(size ? { 'data-size': size } : {})} onClick={() => setOpen(true)} data-testid={testIds.send}>
        {t('outbox.send.button')}
        {hiddenLabel && <span className="visually-hidden">: {hiddenLabel}</span>}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={t('outbox.send.close')}
        aria-labelledby={titleId}
        data-testid={testIds.dialog}
        className="outbox-preview"
      >
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('outbox.send.title')}
          </Heading>
        </Dialog.Block>
        {/* The body scrolls when the window is short and the buttons below stay in sight, so "Send" is reachable
            (app.css does this for every dialog's middle block); tabIndex lets the keyboard scroll it. */}
        <Dialog.Block className="stack outbox-preview__body" tabIndex={0}>
          {preview.isPending && <Spinner aria-label={t('app.loading')} />}
          {preview.error ? <ErrorMessage error={preview.error} /> : null}
          {preview.data && <PreviewBody preview={preview.data} />}
          {submit.error ? <ErrorMessage error={submit.error} /> : null}
        </Dialog.Block>
        <Dialog.Block className="row outbox-preview__footer">
          {preview.data && !preview.data.existing && (
            <Button
              data-color={isProduction(preview.data) ? 'danger' : 'accent'}
              loading={submit.isPending}
              disabled={submit.isPending}
              data-testid={testIds.confirm}
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
  const { t } = useTranslation();
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
      <Paragraph>{t('outbox.send.checkThese')}</Paragraph>
      <SendPreviewFacts preview={preview} />
      <TechnicalDetails testId="send-technical-details">
        <SendPreviewTechnical preview={preview} />
      </TechnicalDetails>
      {preview.existing ? (
        <div data-testid="already-in-outbox">
          <AlreadySentNote held={alreadySentOf(preview.existing)} />
        </div>
      ) : (
        <Paragraph data-size="sm">{t('outbox.send.durable')}</Paragraph>
      )}
    </>
  );
}
