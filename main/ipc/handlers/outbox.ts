import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { outboxChannels } from '../../../shared/ipc/channels/outbox';
import { targetOrg } from '../../../shared/outbox/submission';
import { profileKind } from '../../../shared/domain/profile';

/** The outbox and its audit log, for the active profile. Validation happened before this. */
export function outboxHandlers(services: AppServices): HandlersFor<keyof typeof outboxChannels> {
  const { outbox } = services;
  return {
    'outbox.preview': async ({ draftId }) => {
      const preview = await outbox.preview(draftId);
      const profile = services.profiles.active();
      if (!profile || profileKind(profile) !== 'firm') return preview;
      // The firm sends, but the report is the client's: say whose, so the right client is confirmed.
      const org = targetOrg(preview.target);
      const client = (await services.firm.list(profile)).find((c) => c.orgNumber === org);
      return client ? { ...preview, client: { name: client.name, orgNumber: client.orgNumber } } : preview;
    },
    'outbox.submit': async ({ draftId, profileId }) => {
      // A firm sends only for a client Altinn has delegated: refused here, before anything is queued.
      const profile = services.profiles.active();
      if (profileId && profileId !== profile?.id) {
        // Another set-up profile's draft (routing): the same guard, on its own profile (OutboxWorkers checks the id).
        const other = services.profiles.state().profiles.find((p) => p.id === profileId);
        return outbox.submitFor(profileId, draftId, async (target) => {
          if (other && profileKind(other) === 'firm') await services.firm.requireSendable(other, targetOrg(target));
        });
      }
      if (profile && profileKind(profile) === 'firm') {
        await services.firm.requireSendable(profile, targetOrg((await outbox.preview(draftId)).target));
      }
      return outbox.submit(draftId);
    },
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
