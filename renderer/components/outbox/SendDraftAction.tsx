import { useSubmitDraft, useSubmitPreview } from '../../bridge/outbox-queries';
import { ConfirmSendAction } from './ConfirmSendAction';

/** "Send" on an error-free report draft, after the confirmation of what goes where. */
export function SendDraftAction({ draftId }: { draftId: string }) {
  return (
    <ConfirmSendAction
      draftId={draftId}
      usePreview={useSubmitPreview}
      useSubmit={useSubmitDraft}
      testIds={{ send: 'send-draft', dialog: 'send-dialog', confirm: 'confirm-send', sent: 'sent-to-outbox' }}
    />
  );
}
