import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { skattekortChannels } from '../../../shared/ipc/channels/skattekort';

/** Skattekort til arbeidsgiver for the active profile. Validation happened before this. */
export function skattekortHandlers(services: AppServices): HandlersFor<keyof typeof skattekortChannels> {
  const { skattekort } = services;
  return {
    'skattekort.personsFromDraft': ({ draftId }) => skattekort.personsFromDraft(draftId),
    'skattekort.personsFromCsv': async () => ({ list: await skattekort.pickCsv() }),
    'skattekort.order': (input) => skattekort.order(input),
    'skattekort.orders': async () => ({ orders: await skattekort.orders() }),
    'skattekort.answer': ({ submissionId }) => skattekort.answer(submissionId),
    'skattekort.pollNow': ({ submissionId }) => skattekort.pollNow(submissionId),
    'skattekort.export': async ({ submissionId, format }) => {
      const { content, defaultName } = await skattekort.exportAnswer(submissionId, format);
      const nb = services.settings.read().language === 'nb';
      const path = await services.options.desktop.saveFile({
        title: nb ? 'Lagre skattekortene' : 'Save the tax cards',
        defaultName,
        content,
      });
      return { path };
    },
  };
}
