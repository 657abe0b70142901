import { useSubmitTredjepart, useTredjepartPreview } from '../../bridge/tredjepart-queries';
import { ConfirmSendAction } from '../outbox/ConfirmSendAction';

/**
 * "Send" on an error-free tredjepart draft: the same confirmation as a report's (what, for whom, which
 * environment and address, size and hash), then the draft is queued in the outbox.
 */
export function TredjepartSendAction({ draftId, label }: { draftId: string; label: string }) {
  return (
    <ConfirmSendAction
      draftId={draftId}
      usePreview={useTredjepartPreview}
      useSubmit={useSubmitTredjepart}
      hiddenLabel={label}
      size="sm"
      testIds={{
        send: 'tredjepart-send',
        dialog: 'tredjepart-send-dialog',
        confirm: 'tredjepart-confirm-send',
        sent: 'tredjepart-sent',
      }}
    />
  );
}
