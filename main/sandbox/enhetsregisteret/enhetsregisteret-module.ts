import type { EmulatorContext, EmulatorModule } from '../host';
import type { EmulatorResponse, EmulatorRoute } from '../router';
import { enhetsregisteretSlice, syntheticSubUnits, syntheticUnit, type SyntheticUnit } from './synthetic-register';

const PREFIX = '/enhetsregisteret/api';
const MAX_PAGE_SIZE = 10_000;

/**
 * The sandbox Enhetsregisteret: the open API's shape (brreg/openAPI `specs/enhetsregisteret.json`; answer recorded
 * in navikt/dagpenger-oppslag `EnhetsRegisterClientTest.kt`) for the emulator's synthetic organisations. No login,
 * as the real one. `GET /enheter/{orgnr}`, `GET /underenheter/{orgnr}`, `GET /underenheter?overordnetEnhet=`;
 * 404 for a number not in the register, 410 for a deleted one.
 */
export function enhetsregisteretModule(): EmulatorModule {
  return { name: 'enhetsregisteret', routes: (ctx) => registerRoutes(ctx) };
}

function registerRoutes(ctx: EmulatorContext): EmulatorRoute[] {
  const one = (kind: 'enheter' | 'underenheter', orgNumber: string): EmulatorResponse => {
    const deletedOn = enhetsregisteretSlice(ctx.state).deleted[orgNumber];
    if (deletedOn) {
      return {
        status: 410,
        body: { organisasjonsnummer: orgNumber, slettedato: deletedOn, respons_klasse: 'SlettetEnhet' },
      };
    }
    const unit = syntheticUnit(ctx.state, orgNumber);
    const isUnderenhet = unit?.overordnetEnhet !== undefined;
    if (!unit || isUnderenhet !== (kind === 'underenheter'))
      return notFound(ctx, orgNumber, `${PREFIX}/${kind}/${orgNumber}`);
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: asApiUnit(ctx, kind, orgNumber, unit),
    };
  };
  return [
    { method: 'GET', path: `${PREFIX}/enheter/:orgnr`, handle: (req) => one('enheter', req.params.orgnr ?? '') },
    {
      method: 'GET',
      path: `${PREFIX}/underenheter/:orgnr`,
      handle: (req) => one('underenheter', req.params.orgnr ?? ''),
    },
    {
      method: 'GET',
      path: `${PREFIX}/underenheter`,
      handle: (req) => {
        const parent = req.query.get('overordnetEnhet') ?? '';
        const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(req.query.get('size') ?? 20) || 20));
        const page = Math.max(0, Number(req.query.get('page') ?? 0) || 0);
        const all = syntheticSubUnits(ctx.state, parent);
        const rows = all.slice(page * size, (page + 1) * size).map((orgNumber) => {
          const unit = syntheticUnit(ctx.state, orgNumber)!;
          return asApiUnit(ctx, 'underenheter', orgNumber, unit);
        });
        const body = {
          // As the real register, `_embedded` is left out when nothing matched.
          ...(rows.length ? { _embedded: { underenheter: rows } } : {}),
          page: { size, totalElements: all.length, totalPages: Math.ceil(all.length / size), number: page },
        };
        return { status: 200, headers: { 'content-type': 'application/json' }, body };
      },
    },
  ];
}

function asApiUnit(ctx: EmulatorContext, kind: 'enheter' | 'underenheter', orgNumber: string, unit: SyntheticUnit) {
  const self = `${ctx.baseUrl()}${PREFIX}/${kind}/${orgNumber}`;
  return {
    organisasjonsnummer: orgNumber,
    navn: unit.navn,
    organisasjonsform: { kode: unit.organisasjonsform },
    ...(unit.stiftelsesdato ? { stiftelsesdato: unit.stiftelsesdato } : {}),
    registreringsdatoEnhetsregisteret: unit.registreringsdatoEnhetsregisteret,
    ...(unit.overordnetEnhet ? { overordnetEnhet: unit.overordnetEnhet } : {}),
    konkurs: unit.konkurs ?? false,
    underAvvikling: unit.underAvvikling ?? false,
    _links: { self: { href: self } },
  };
}

function notFound(ctx: EmulatorContext, orgNumber: string, path: string): EmulatorResponse {
  return {
    status: 404,
    body: {
      timestamp: ctx.now().toISOString(),
      status: 404,
      error: 'Not Found',
      message: `Ingen enhet med organisasjonsnummer ${orgNumber} ble funnet`,
      path,
    },
  };
}
