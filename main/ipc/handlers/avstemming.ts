import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { avstemmingChannels } from '../../../shared/ipc/channels/avstemming';

/** The a-melding avstemmingsrapport for the active profile. Validation happened before this. */
export function avstemmingHandlers(services: AppServices): HandlersFor<keyof typeof avstemmingChannels> {
  const { avstemming } = services;
  return {
    'avstemming.fetch': ({ period }) => avstemming.fetch(period),
    'avstemming.export': async ({ fra, til, format }) => {
      const { content, defaultName } =
        format === 'csv' ? await avstemming.exportCsv({ fra, til }) : await avstemming.exportPdf({ fra, til });
      const nb = services.settings.read().language === 'nb';
      const path = await services.options.desktop.saveFile({
        title: nb ? 'Lagre avstemmingsrapporten' : 'Save the reconciliation report',
        defaultName,
        content,
      });
      return { path };
    },
  };
}
