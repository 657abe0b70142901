import { writeFile } from 'node:fs/promises';
import { savedBytes, type DesktopPort } from '../desktop-port';
import { terminalSafeIo, type CliIo } from './output';

/** The desktop port for a terminal: links and notifications are printed; there are no dialogs to show. */
export function cliDesktop(terminal: CliIo): DesktopPort {
  // Notifications carry Skatteetaten's and the user's words: printed escaped, like everything else the CLI prints.
  const io = terminalSafeIo(terminal);
  return {
    openExternal: async (url) => io.out(`Open in your browser: ${url}`),
    pickFiles: async () => [],
    async saveFile({ defaultName, content }) {
      await writeFile(defaultName, savedBytes(content));
      return defaultName;
    },
    writeClipboard: async (text) => io.out(text),
    notify: ({ title, body }) => io.err(`${title}: ${body}`),
  };
}
