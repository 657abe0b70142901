import { EndpointsSchema, type Endpoints, type EndpointsInput } from '../../shared/domain/endpoints';
import { serviceById } from '../../shared/domain/services-catalogue';

/** skatteetaten-apis.md §3: the documented scope; the sources conflict, so it is a setting (custom files may change it). */
const SKATTEKORT_SCOPE = serviceById('skattekort-til-arbeidsgiver').scope;

/**
 * The one table of real endpoints. Each value carries its source in ../shared/docs; the ones those specs mark
 * UNCONFIRMED are noted here too, so a correction is a one-line change (or a `custom` environment file).
 */
const REAL: Record<'test' | 'production', EndpointsInput> = {
  test: {
    // altinn-auth.md §0: test Maskinporten is the one TT02 trusts.
    maskinporten: { issuer: 'https://test.maskinporten.no/', tokenEndpoint: 'https://test.maskinporten.no/token' },
    altinn: {
      platform: 'https://platform.tt02.altinn.no',
      accessManagementUi: 'https://am.ui.tt02.altinn.no',
      // UNCONFIRMED: the portal's system access overview, where "Legg til klienter" is (delegate-clients guide).
      clientAdminTemplate: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/overview',
    },
    // dialogporten-events.md §1.1: TT02 is the external test environment ("staging").
    dialogporten: { base: 'https://platform.tt02.altinn.no/dialogporten' },
    skatteetaten: {
      // skatteetaten-apis.md §1.2: THIRD-PARTY host, consistent with the official host pattern.
      amelding: 'https://innrapporteringamelding.api.skatteetaten-test.no/v1',
      // UNCONFIRMED: SwaggerHub's API name `avstemmingsrapport-amelding-api` on the docs/om/url.md host pattern.
      ameldingAvstemming: 'https://avstemmingsrapportamelding.api.skatteetaten-test.no/v1',
      // §2.2: CONFIRMED by the official examples.
      aksjonaerregister: 'https://api-test.sits.no/api/aksjonaerregister/v1',
      // §3: THIRD-PARTY (production-proven by NAV).
      skattekort: 'https://api-test.sits.no',
      skattekortScope: SKATTEKORT_SCOPE,
      tredjepartTemplate: 'https://innrapportering{scheme}.api.skatteetaten-test.no/v1',
    },
    digdir: { selfServicePortal: 'https://sjolvbetjening.test.samarbeid.digdir.no' },
  },
  production: {
    maskinporten: { issuer: 'https://maskinporten.no/', tokenEndpoint: 'https://maskinporten.no/token' },
    altinn: {
      platform: 'https://platform.altinn.no',
      // altinn-auth.md §0: UNCONFIRMED, derived from Altinn's code ("https://am.ui." + host).
      accessManagementUi: 'https://am.ui.altinn.no',
      clientAdminTemplate: 'https://am.ui.altinn.no/accessmanagement/ui/systemuser/overview',
    },
    dialogporten: { base: 'https://platform.altinn.no/dialogporten' },
    skatteetaten: {
      amelding: 'https://innrapporteringamelding.api.skatteetaten.no/v1',
      ameldingAvstemming: 'https://avstemmingsrapportamelding.api.skatteetaten.no/v1',
      // §2.2: THIRD-PARTY, consistent with the "old URL" host table.
      aksjonaerregister: 'https://api.skatteetaten.no/api/aksjonaerregister/v1',
      skattekort: 'https://api.skatteetaten.no',
      skattekortScope: SKATTEKORT_SCOPE,
      tredjepartTemplate: 'https://innrapportering{scheme}.api.skatteetaten.no/v1',
    },
    // altinn-auth.md §0: UNCONFIRMED for production.
    digdir: { selfServicePortal: 'https://sjolvbetjening.samarbeid.digdir.no' },
  },
};

/**
 * The sandbox mirrors the real paths below one loopback origin, one prefix per service, so every client runs
 * unchanged against the emulator.
 */
export function sandboxEndpoints(emulatorBaseUrl: string): Endpoints {
  const b = emulatorBaseUrl.replace(/\/+$/, '');
  return EndpointsSchema.parse({
    maskinporten: { issuer: `${b}/maskinporten/`, tokenEndpoint: `${b}/maskinporten/token` },
    altinn: {
      platform: `${b}/altinn`,
      accessManagementUi: `${b}/altinn-am`,
      // The emulator's klientadministrator page (main/sandbox/altinn/client-admin-page-routes.ts).
      clientAdminTemplate: `${b}/altinn-am/accessmanagement/ui/systemuser/agentdelegation/{systemUserId}`,
      clientDelegationApi: true,
    },
    dialogporten: { base: `${b}/dialogporten` },
    skatteetaten: {
      amelding: `${b}/skatteetaten/innrapporteringamelding/v1`,
      ameldingAvstemming: `${b}/skatteetaten/avstemmingsrapportamelding/v1`,
      aksjonaerregister: `${b}/skatteetaten/api/aksjonaerregister/v1`,
      skattekort: `${b}/skatteetaten`,
      skattekortScope: SKATTEKORT_SCOPE,
      tredjepartTemplate: `${b}/skatteetaten/innrapportering{scheme}/v1`,
    },
    digdir: { selfServicePortal: `${b}/digdir` },
  } satisfies EndpointsInput);
}

export function realEndpoints(environment: 'test' | 'production'): Endpoints {
  return EndpointsSchema.parse(REAL[environment]);
}
