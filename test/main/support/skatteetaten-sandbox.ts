import { startEmulator, type EmulatorHost } from '../../../main/sandbox/host';
import { emulatorModules } from '../../../main/sandbox/modules';
import { sandboxEndpoints } from '../../../main/environments/table';
import { createAltinnHttp } from '../../../main/altinn/altinn-http';
import { SystemRegisterClient, systemRegistrationFor } from '../../../main/altinn/system-register';
import { SystemUserRequestClient } from '../../../main/altinn/system-user-requests';
import type { KeyMaterial } from '../../../main/keys/key-material';
import type { MaskinportenTokens, MaskinportenTokensOptions } from '../../../main/maskinporten/maskinporten-tokens';
import { AMeldingClient } from '../../../main/skatteetaten/amelding-client';
import { AksjonaerregisterClient } from '../../../main/skatteetaten/aksjonaerregister-client';
import { createSkatteetatenHttp } from '../../../main/skatteetaten/skatteetaten-http';
import { systemUserTokens, type SkatteetatenTokens } from '../../../main/skatteetaten/skatteetaten-tokens';
import type { SkatteetatenEmulatorOptions } from '../../../main/sandbox/skatteetaten/skatteetaten-module';
import {
  accessForServices,
  acceptedScopes,
  DIALOGPORTEN_SCOPE,
  type ServiceId,
} from '../../../shared/domain/services-catalogue';
import { ADMIN_SCOPES, decide, memorySigner, registerClient, tokensFor, VENDOR_ORG } from './maskinporten-sandbox';

/** The a-melding fixture's opplysningspliktig and the RF-1086 fixtures' company. */
export const AMELDING_ORG = '211785462';
export const RF1086_ORG = '314259521';
const SERVICES: ServiceId[] = ['a-melding', 'aksjonaerregisteroppgave'];

export interface SkatteetatenSandbox {
  host: EmulatorHost;
  clientId: string;
  key: KeyMaterial;
  maskinporten: MaskinportenTokens;
  tokensFor(org: string): SkatteetatenTokens;
}

/**
 * A sandbox where the vendor's client has approved systembrukere (both Skatteetaten services) for each org,
 * the way a real business sets Innsender up: client, system, request, the owner's approval.
 */
export async function startSkatteetatenSandbox(
  orgs: readonly string[] = [AMELDING_ORG, RF1086_ORG],
  options: {
    now?: () => Date;
    tokens?: Partial<MaskinportenTokensOptions>;
    services?: ServiceId[];
    /** Keep the sandbox's state in this file, as the app does (`<data dir>/sandbox/state.json`). */
    stateFile?: string;
    emulator?: SkatteetatenEmulatorOptions;
  } = {},
): Promise<SkatteetatenSandbox> {
  const services = options.services ?? SERVICES;
  const host = await startEmulator({
    modules: emulatorModules(options.emulator ? { skatteetaten: options.emulator } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.stateFile ? { stateFile: options.stateFile } : {}),
  });
  const { signer, material } = await memorySigner();
  const clientId = await registerClient(host, {
    // Every spelling of a scope the sources disagree on (skattekort), so a test may ask for either.
    // And the scopes the services bring along (the TPO file reception's).
    scopes: [
      ...new Set([
        ...ADMIN_SCOPES,
        // Where a report's receipt is looked up (main/outbox/received-lookup.ts).
        DIALOGPORTEN_SCOPE,
        ...services.flatMap((s) => acceptedScopes(s)),
        ...accessForServices(services).scopes,
      ]),
    ],
    jwks: [material],
  });
  const maskinporten = tokensFor(host, clientId, signer, {
    ...(options.now ? { now: options.now } : {}),
    ...options.tokens,
  });
  const http = createAltinnHttp({
    platform: sandboxEndpoints(host.baseUrl).altinn.platform,
    accessToken: async (scopes) => (await maskinporten.tokenForScopes({ scopes })).value,
  });
  const registration = systemRegistrationFor({
    orgNumber: VENDOR_ORG,
    displayName: 'Eksempel AS',
    services,
    clientId,
  });
  await new SystemRegisterClient(http).registerSystem(registration);
  const access = accessForServices(services);
  for (const org of orgs) {
    const created = await new SystemUserRequestClient(http).createStandardRequest({
      systemId: registration.id,
      ownerOrgNumber: org,
      rights: access.rights,
      accessPackages: access.accessPackages,
    });
    if (created.outcome === 'system-user-exists') continue;
    await decide(created.request.confirmUrl, 'approve');
  }
  return {
    host,
    clientId,
    key: material,
    maskinporten,
    tokensFor: (org) => systemUserTokens(maskinporten, { orgNumber: org }),
  };
}

export function clientsFor(
  sandbox: SkatteetatenSandbox,
  org: string,
  extra: { directLimitBytes?: number; timeoutMs?: number } = {},
) {
  const endpoints = sandboxEndpoints(sandbox.host.baseUrl);
  const http = createSkatteetatenHttp({
    tokens: sandbox.tokensFor(org),
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
  });
  return {
    amelding: new AMeldingClient({
      http,
      base: endpoints.skatteetaten.amelding,
      pollIntervalMs: 50,
      ...(extra.directLimitBytes ? { directLimitBytes: extra.directLimitBytes } : {}),
    }),
    aksjonaerregister: new AksjonaerregisterClient({ http, base: endpoints.skatteetaten.aksjonaerregister }),
  };
}

/** The emulator's Skatteetaten slice, as a test reads it through the admin surface. */
export async function skatteetatenState(host: EmulatorHost) {
  const response = await fetch(`${host.baseUrl}/__admin/state`, { headers: { 'x-innsender-admin': host.adminToken } });
  const state = (await response.json()) as Record<string, unknown>;
  return {
    skatteetaten:
      state.skatteetaten as import('../../../main/sandbox/skatteetaten/skatteetaten-state').SkatteetatenSlice,
    dialogporten: state.dialogporten as import('../../../main/sandbox/dialogporten/dialog-store').DialogportenSlice,
  };
}

/**
 * Registers an a-melding at the emulator as if the business's payroll system had sent it: Innsender cannot know
 * its meldingsId, so only the server refuses a second one (`main/sandbox/skatteetaten/amelding-seed.ts`).
 */
export async function seedForeignAMelding(
  host: Pick<EmulatorHost, 'baseUrl' | 'adminToken'>,
  melding: { org: string; kalendermaaned: string; meldingsId: string },
): Promise<number> {
  const seeded = await fetch(`${host.baseUrl}/__admin/skatteetaten/a-meldinger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-innsender-admin': host.adminToken },
    body: JSON.stringify(melding),
  });
  return seeded.status;
}
