import type { AppServices } from '../../app-services';
import type { HandlersFor } from '../dispatch';
import type { desktopChannels } from '../../../shared/ipc/channels/desktop';
import { windowTitle } from '../../../shared/app/window-title';
import { AppError } from '../../../shared/domain/app-error';
import { receiptFileName, renderReceiptHtml } from '../../receipts/receipt-html';
import type { AppWindowPort } from '../../desktop-port';

/** The window's title and the receipts. Validation happened before this. */
export function desktopHandlers(services: AppServices): HandlersFor<keyof typeof desktopChannels> {
  const { desktop } = services.options;
  const now = services.options.now ?? (() => new Date());

  const appWindow = (): AppWindowPort => {
    if (desktop.window) return desktop.window;
    throw new AppError('RECEIPT_NEEDS_APP', {
      nb: 'Kvitteringer skrives ut og lagres som PDF fra appen, ikke fra kommandolinjen.',
      en: 'Receipts are printed and saved as PDF from the app, not from the command line.',
    });
  };

  /** The receipt of one of the active profile's submissions, in the user's language. */
  const receipt = async (id: string) => {
    const profile = services.profiles.active();
    const submission = await services.outbox.get(id);
    if (!profile) throw new Error('outbox.get answered with no active profile');
    const language = services.settings.read().language;
    const html = renderReceiptHtml({
      submission,
      company: { displayName: profile.displayName, orgNumber: profile.orgNumber },
      environment: profile.environment,
      language,
      madeAt: now(),
      version: services.options.version,
    });
    return { html, fileName: receiptFileName(submission, language), language };
  };

  return {
    'window.setTitle': (input) => {
      const title = windowTitle(input);
      desktop.window?.setTitle(title);
      return { title };
    },
    'receipt.savePdf': async ({ id }) => {
      const window = appWindow();
      const { html, fileName, language } = await receipt(id);
      const pdf = await window.printToPdf(html);
      const path = await desktop.saveFile({
        title: language === 'en' ? 'Save the receipt as PDF' : 'Lagre kvitteringen som PDF',
        defaultName: fileName,
        content: pdf,
      });
      return { path };
    },
    'receipt.print': async ({ id }) => {
      const window = appWindow();
      const { html } = await receipt(id);
      return { printed: await window.print(html) };
    },
  };
}
