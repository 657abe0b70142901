import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { reportsChannels } from '../../../shared/ipc/channels/reports';

/** Reports prepared offline: each channel answered by the reports service. Validation happened before this. */
export function reportsHandlers(services: AppServices): HandlersFor<keyof typeof reportsChannels> {
  const { reports } = services;
  return {
    'reports.pick': async () => ({ checks: await reports.pick() }),
    'reports.checkContent': async ({ files }) => ({ checks: await reports.checkContent(files) }),
    'reports.saveDraft': ({ checkId }) => reports.saveDraft(checkId),
    'reports.listDrafts': async () => ({ drafts: await reports.listDrafts() }),
    'reports.getDraft': ({ id }) => reports.getDraft(id),
    'reports.deleteDraft': async ({ id }) => ({ deleted: await reports.deleteDraft(id) }),
    'reports.recheckDraft': ({ id }) => reports.recheckDraft(id),
    'reports.checkDraftSource': async ({ id }) => ({ checks: await reports.checkDraftSource(id) }),
    'reports.replaceAMelding': async ({ submissionId, files }) => ({
      checks: await reports.replaceAMelding(submissionId, files),
    }),
    'reports.route': ({ files }) => reports.routeContent(files),
    'reports.pickAndRoute': ({ folders }) => reports.pickAndRoute(folders),
    'reports.saveRouted': async ({ checkIds }) => ({ saved: await reports.saveRouted(checkIds) }),
    'reports.checkRoutedTredjepart': ({ fileId, scheme }) => reports.checkRoutedTredjepart(fileId, scheme),
  };
}
