import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { tredjepartChannels } from '../../../shared/ipc/channels/tredjepart';

/** Tredjepartsopplysninger for the active profile. Validation happened before this. */
export function tredjepartHandlers(services: AppServices): HandlersFor<keyof typeof tredjepartChannels> {
  const { tredjepart } = services;
  return {
    'tredjepart.pick': async ({ scheme, inntektsaar }) => ({ check: await tredjepart.pick(scheme, inntektsaar) }),
    'tredjepart.checkContent': async ({ scheme, name, contentBase64, inntektsaar }) =>
      tredjepart.check({
        scheme,
        name,
        bytes: Buffer.from(contentBase64, 'base64'),
        origin: 'dropped',
        ...(inntektsaar ? { inntektsaar } : {}),
      }),
    'tredjepart.saveDraft': ({ checkId }) => tredjepart.saveDraft(checkId),
    'tredjepart.listDrafts': async () => ({ drafts: await tredjepart.listDrafts() }),
    'tredjepart.deleteDraft': async ({ id }) => ({ deleted: await tredjepart.deleteDraft(id) }),
    'tredjepart.preview': ({ id }) => tredjepart.preview(id),
    'tredjepart.submit': ({ id, profileId }) => tredjepart.submit(id, profileId),
  };
}
