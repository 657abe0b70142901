import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/domain/app-error';
import { PREREQUISITES } from '../../../shared/domain/prerequisites';
import { ALTINN_SCOPES, serviceById } from '../../../shared/domain/services-catalogue';
import { tokenError, type TokenErrorContext } from '../../../main/maskinporten/token-errors';
import type { TokenOutcome } from '../../../main/maskinporten/token-response';
import { altinnError } from '../../../main/altinn/altinn-errors';
import { createSelfServiceClient } from '../../../main/maskinporten/self-service-client';
import type { EmulatorHost } from '../../../main/sandbox/host';
import {
  ADMIN_SCOPES,
  memorySigner,
  registerClient,
  startSandbox,
  tokensFor,
  VENDOR_ORG,
} from '../support/maskinporten-sandbox';

const AMELDING = serviceById('a-melding').scope;
const TT02_ISSUER = 'https://test.maskinporten.no/';
const context = (scopes: readonly string[], issuer = TT02_ISSUER): TokenErrorContext => ({
  clientId: 'client-1',
  scopes,
  systemUserOrg: '314259521',
  kid: 'kid-1',
  receivedAt: new Date('2026-01-25T12:00:00Z'),
  issuer,
});
const oauth = (error: string, description: string, status = 400): Exclude<TokenOutcome, { kind: 'token' }> => ({
  kind: 'oauth-error',
  status,
  error,
  description,
});

/**
 * One real refusal per error code the table names, as the client meets it: Maskinporten's answers with the MP codes
 * of felleslosninger/docs _docs/Maskinporten/maskinporten_feilsoking.md, Altinn's problem codes (altinn-auth.md
 * §4.4), and Digdir's self-service answer reported in olefredrik/Wenche docs/oppsett.md §2a.
 */
const REFUSALS: Record<string, { scopes: readonly string[]; produce: () => Promise<AppError> }[]> = {
  SELF_SERVICE_TERMS_NOT_ACCEPTED: [
    {
      scopes: [],
      produce: async () => {
        const client = createSelfServiceClient({
          apiBase: 'https://api.test.samarbeid.digdir.no',
          fetch: async () =>
            new Response(
              JSON.stringify({
                error: 'PRECONDITION_REQUIRED',
                error_description: 'Virksomheten har ikke signert de relevante bruksvilkårene.',
              }),
              { status: 428, headers: { 'content-type': 'application/json' } },
            ),
        });
        return client.getClient('client-1').then(
          () => {
            throw new Error('expected a refusal');
          },
          (error: AppError) => error,
        );
      },
    },
  ],
  MASKINPORTEN_SCOPE_NOT_GRANTED: [
    {
      scopes: [ALTINN_SCOPES.systemRegisterWrite],
      produce: async () =>
        tokenError(
          oauth(
            'access_denied',
            `Consumer has not been granted access to the scope ${ALTINN_SCOPES.systemRegisterWrite} (MP-250)`,
            403,
          ),
          context([ALTINN_SCOPES.systemRegisterWrite]),
        ),
    },
    {
      scopes: [AMELDING],
      produce: async () =>
        tokenError(
          oauth('access_denied', `Consumer has not been granted access to the scope ${AMELDING} (MP-250)`, 403),
          context([AMELDING]),
        ),
    },
  ],
  ALTINN_FORBIDDEN: [
    {
      scopes: [ALTINN_SCOPES.systemRegisterWrite],
      produce: async () =>
        altinnError(
          403,
          '',
          'register system',
          [ALTINN_SCOPES.systemRegisterWrite],
          'https://platform.tt02.altinn.no/authentication/api/v1/systemregister/vendor',
        ),
    },
  ],
  MASKINPORTEN_UNKNOWN_CLIENT: [
    {
      scopes: [AMELDING],
      produce: async () => tokenError(oauth('invalid_client', 'Client not found'), context([AMELDING])),
    },
  ],
  MASKINPORTEN_SCOPE_NOT_ON_CLIENT: [
    {
      scopes: [AMELDING],
      produce: async () =>
        tokenError(
          oauth('invalid_scope', 'Token request contains invalid scopes for client (MP-200)'),
          context([AMELDING]),
        ),
    },
  ],
  MASKINPORTEN_KEY_NOT_REGISTERED: [
    {
      scopes: [AMELDING],
      produce: async () => tokenError(oauth('invalid_grant', 'Invalid JWT signature (MP-124)'), context([AMELDING])),
    },
  ],
  MASKINPORTEN_SYSTEMUSER_NOT_FOUND: [
    {
      scopes: [AMELDING],
      produce: async () =>
        tokenError(
          oauth('invalid_altinn_customer_configuration', 'Invalid authorization details values (MP-303)'),
          context([AMELDING]),
        ),
    },
  ],
  ALTINN_AUTH_00000: [
    {
      scopes: [ALTINN_SCOPES.systemUserRequestWrite],
      produce: async () =>
        altinnError(
          400,
          { status: 400, code: 'AUTH-00000', detail: 'Party not found' },
          'create system user request',
          [ALTINN_SCOPES.systemUserRequestWrite],
          'https://platform.tt02.altinn.no/authentication/api/v1/systemuser/request/vendor',
        ),
    },
  ],
};

describe('every refusal the prerequisites table names', () => {
  it('is one the client produces, and its message names and links the missing prerequisite', async () => {
    for (const prerequisite of PREREQUISITES) {
      for (const refusal of prerequisite.missingWhen) {
        const cases = (REFUSALS[refusal.code] ?? []).filter(
          (c) => !refusal.scopePrefixes || c.scopes.some((s) => refusal.scopePrefixes?.some((p) => s.startsWith(p))),
        );
        expect(cases.length, `a real refusal for ${refusal.code}`).toBeGreaterThan(0);
        for (const c of cases) {
          const error = await c.produce();
          expect(error.code).toBe(refusal.code);
          expect(error.prerequisite).toEqual({ id: prerequisite.id, url: prerequisite.steps.test.link });
          expect(error.localized.nb).toContain(`Dette mangler: «${prerequisite.title.nb}»`);
          expect(error.localized.en).toContain(`This is missing: “${prerequisite.title.en}”`);
          expect(error.toShape().prerequisite?.id).toBe(prerequisite.id);
        }
      }
    }
  });

  it('links production’s page when the refusal came from production', () => {
    const error = tokenError(
      oauth('invalid_client', 'Client not found'),
      context([AMELDING], 'https://maskinporten.no/'),
    );
    expect(error.prerequisite).toEqual({
      id: 'maskinporten-client',
      url: 'https://sjolvbetjening.samarbeid.digdir.no',
    });
  });

  it('leaves a refusal no prerequisite explains as it was', () => {
    const error = tokenError(oauth('invalid_grant', 'Grant is used before (MP-012)'), context([AMELDING]));
    expect(error.code).toBe('MASKINPORTEN_GRANT_REUSED');
    expect(error.prerequisite).toBeUndefined();
    expect(error.localized.nb).not.toContain('Dette mangler');
  });
});

describe('a refusal from the emulator names the prerequisite the sandbox stands in for', () => {
  let host: EmulatorHost;
  beforeAll(async () => {
    ({ host } = await startSandbox());
  });
  afterAll(async () => {
    await host.stop();
  });

  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: AppError) => error,
    );

  it('an unknown client → the Maskinporten client, with what the sandbox does instead and no link', async () => {
    const { signer } = await memorySigner();
    const error = await refusalOf(tokensFor(host, 'no-such-client', signer).tokenForScopes({ scopes: [AMELDING] }));
    expect(error.code).toBe('MASKINPORTEN_UNKNOWN_CLIENT');
    expect(error.prerequisite).toEqual({ id: 'maskinporten-client' });
    expect(error.localized.nb).toContain('(i sandkassen: steg 2 registrerer klienten i emulatoren med ett klikk)');
  });

  it('a scope the client lacks → the Maskinporten client', async () => {
    const { signer, material } = await memorySigner();
    const clientId = await registerClient(host, { scopes: ADMIN_SCOPES, jwks: [material] });
    const error = await refusalOf(tokensFor(host, clientId, signer).tokenForScopes({ scopes: [AMELDING] }));
    expect(error.code).toBe('MASKINPORTEN_SCOPE_NOT_ON_CLIENT');
    expect(error.prerequisite?.id).toBe('maskinporten-client');
  });

  it('a systembruker token with no approved systembruker → the approval in Altinn', async () => {
    const { signer, material } = await memorySigner();
    const clientId = await registerClient(host, { scopes: [...ADMIN_SCOPES, AMELDING], jwks: [material] });
    const error = await refusalOf(
      tokensFor(host, clientId, signer).tokenForScopes({ scopes: [AMELDING], systemUser: { orgNumber: VENDOR_ORG } }),
    );
    expect(error.code).toBe('MASKINPORTEN_SYSTEMUSER_NOT_FOUND');
    expect(error.prerequisite?.id).toBe('systemuser-approval');
    expect(error.localized.en).toContain('This is missing: “The systembruker approved in Altinn” (in the sandbox:');
  });
});
