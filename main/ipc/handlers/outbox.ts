import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { outboxChannels } from '../../../shared/ipc/channels/outbox';

/** The outbox and its audit log, for the active profile. Validation happened before this. */
export function outboxHandlers(services: AppServices): HandlersFor<keyof typeof outboxChannels> {
  const { outbox } = services;
  return {
    'outbox.preview': ({ draftId }) => outbox.preview(draftId),
    'outbox.submit': ({ draftId }) => outbox.submit(draftId),
    'outbox.list': async () => ({ submissions: await outbox.list() }),
    'outbox.get': ({ id }) => outbox.get(id),
    'outbox.cancel': ({ id }) => outbox.cancel(id),
    'outbox.retry': ({ id }) => outbox.retry(id),
    'outbox.connectivity': () => outbox.currentStatus(),

    'audit.verify': () => outbox.verifyAudit(),
    'audit.export': async ({ format }) => {
      const content = await outbox.exportAudit(format);
      // The file name's date is machine text; the dialog's title is read by the user, in their language.
      const stamp = (services.options.now?.() ?? new Date()).toISOString().slice(0, 10);
      const path = await services.options.desktop.saveFile({
        title:
          services.settings.read().language === 'en' ? 'Audit log of submissions' : 'Revisjonslogg for innsendinger',
        defaultName: `innsender-revisjonslogg-${stamp}.${format}`,
        content,
      });
      return { path };
    },
  };
}
