import { AppError } from '../../shared/domain/app-error';
import type { DesktopPort } from '../desktop-port';
import type { SandboxController } from '../sandbox/sandbox-controller';
import { externalUrlToOpen } from '../security/external-links';

/**
 * Hands Altinn's approval page (a systembruker request's, or a change's) to the OS browser. The link comes from
 * Altinn's answer, so it is opened only when it points at Altinn, or at the running sandbox's emulated Altinn.
 */
export async function openApprovalPage(
  url: string,
  options: { sandbox: Pick<SandboxController, 'running'>; desktop: DesktopPort },
): Promise<void> {
  const sandbox = options.sandbox.running();
  const href = externalUrlToOpen(url, sandbox ? [new URL(sandbox.baseUrl).origin] : []);
  if (!href) {
    throw new AppError(
      'EXTERNAL_URL_REFUSED',
      {
        nb: 'Godkjenningslenken fra Altinn peker ikke til Altinn, så Innsender åpner den ikke.',
        en: 'The approval link from Altinn does not point to Altinn, so Innsender does not open it.',
      },
      [url],
    );
  }
  await options.desktop.openExternal(href);
}
