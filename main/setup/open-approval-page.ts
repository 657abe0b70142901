import { AppError } from '../../shared/domain/app-error';
import type { DesktopPort } from '../desktop-port';
import type { EndpointResolver } from '../environments/resolve';
import { externalUrlToOpen } from '../security/external-links';

/**
 * Hands Altinn's approval page (a systembruker request's, or a change's) to the OS browser. The link comes from
 * Altinn's answer, so it is opened only when it points at Altinn, or at the running sandbox's emulated Altinn.
 */
export async function openApprovalPage(
  url: string,
  options: { endpoints: Pick<EndpointResolver, 'localOrigins'>; desktop: DesktopPort },
): Promise<void> {
  const href = externalUrlToOpen(url, options.endpoints.localOrigins());
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
