import type { EmulatorHost } from '../../../main/sandbox/host';
import { sandboxEndpoints } from '../../../main/environments/table';
import { createSkatteetatenHttp } from '../../../main/skatteetaten/skatteetaten-http';
import { SkattekortClient } from '../../../main/skatteetaten/skattekort-client';
import { startSkatteetatenSandbox } from './skatteetaten-sandbox';

/** A business with employees; its systembruker has the skattekort right. */
export const EMPLOYER = '211785462';

/**
 * A sandbox where the vendor's client may ask for both spellings of the skattekort scope and `EMPLOYER` has an
 * approved systembruker for skattekort til arbeidsgiver (and the a-melding).
 */
export async function startSkattekortSandbox(options: { now?: () => Date } = {}) {
  const sandbox = await startSkatteetatenSandbox([EMPLOYER], {
    services: ['skattekort-til-arbeidsgiver', 'a-melding'],
    ...options,
  });
  const client = (scope: string, org = EMPLOYER) =>
    new SkattekortClient({
      http: createSkatteetatenHttp({ tokens: sandbox.tokensFor(org) }),
      base: sandboxEndpoints(sandbox.host.baseUrl).skatteetaten.skattekort,
      scope,
    });
  return { ...sandbox, client };
}

export async function injectFault(host: EmulatorHost, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${host.baseUrl}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-innsender-admin': host.adminToken },
    body: JSON.stringify(fault),
  });
  if (response.status !== 201) throw new Error(`fault not accepted: ${await response.text()}`);
}
