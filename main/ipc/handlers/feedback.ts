import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { feedbackChannels } from '../../../shared/ipc/channels/feedback';

/** Skatteetaten's feedback for the active profile, each channel answered by FeedbackWorkers. */
export function feedbackHandlers(services: AppServices): HandlersFor<keyof typeof feedbackChannels> {
  const { feedback } = services;
  return {
    'feedback.list': () => feedback.list(),
    'feedback.get': ({ dialogId }) => feedback.item(dialogId),
    'feedback.downloadDocument': async ({ transmissionId, attachmentId }) => ({
      path: await feedback.download(transmissionId, attachmentId),
    }),
    'feedback.syncNow': () => feedback.syncNow(),
    'feedback.status': () => feedback.currentStatus(),
    'feedback.markRead': ({ dialogId }) => feedback.markRead(dialogId),
  };
}
