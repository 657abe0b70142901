import { z } from 'zod';
import type { RegisterAnswer, RegisterUnit } from '../../shared/domain/register-facts';

/**
 * Brønnøysundregistrene's open Enhetsregisteret API: no login, JSON (OpenAPI: brreg/openAPI
 * `specs/enhetsregisteret.json`; https://data.brreg.no/enhetsregisteret/api/dokumentasjon/no/index.html).
 * `GET {base}/enheter/{orgnr}`, `GET {base}/underenheter/{orgnr}`, `GET {base}/underenheter?overordnetEnhet={orgnr}`;
 * 404 when the number is not in the register, 410 when the unit is deleted.
 */
const UnitSchema = z.looseObject({
  organisasjonsnummer: z.string(),
  navn: z.string(),
  organisasjonsform: z.looseObject({ kode: z.string() }).optional(),
  stiftelsesdato: z.string().optional(),
  registreringsdatoEnhetsregisteret: z.string().optional(),
  overordnetEnhet: z.string().optional(),
  konkurs: z.boolean().optional(),
  underAvvikling: z.boolean().optional(),
  slettedato: z.string().optional(),
});

/** A search page; the register leaves `_embedded` out when nothing matched. */
const SubUnitPageSchema = z.looseObject({
  _embedded: z.looseObject({ underenheter: z.array(z.looseObject({ organisasjonsnummer: z.string() })) }).optional(),
  page: z.looseObject({ totalPages: z.number(), number: z.number() }).optional(),
});

const DeletedSchema = z.looseObject({ slettedato: z.string().optional() });

export class EnhetsregisteretError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'timeout' | 'unexpected-status' | 'unreadable',
    detail: string,
  ) {
    super(detail);
    this.name = 'EnhetsregisteretError';
  }
}

export interface EnhetsregisteretClientOptions {
  /** The environment's `enhetsregisteret.base` (…/enhetsregisteret/api). */
  base: string;
  fetch?: typeof fetch;
  /** A lookup must never keep a form or a check waiting long: the register is a help, not a prerequisite. */
  timeoutMs?: number;
  now?: () => Date;
}

/** The size the API allows per page is at most 10,000 rows in total; 100 per page keeps answers small. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

export class EnhetsregisteretClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: EnhetsregisteretClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * What the register says about a number: as a hovedenhet (with its underenheter), else as an underenhet, else
   * not found; a deleted unit (410 on either) is `deleted`.
   */
  async lookup(orgNumber: string): Promise<RegisterAnswer> {
    const fetchedAt = this.now().toISOString();
    const asEnhet = await this.unit('enheter', orgNumber);
    if (asEnhet.kind === 'found') {
      const subUnits = await this.subUnitsOf(orgNumber);
      return { status: 'found', unit: toUnit(asEnhet.body, 'enhet'), subUnits, fetchedAt };
    }
    if (asEnhet.kind === 'deleted') return deleted(orgNumber, asEnhet.deletedOn, fetchedAt);
    const asUnderenhet = await this.unit('underenheter', orgNumber);
    if (asUnderenhet.kind === 'found') {
      return { status: 'found', unit: toUnit(asUnderenhet.body, 'underenhet'), subUnits: [], fetchedAt };
    }
    if (asUnderenhet.kind === 'deleted') return deleted(orgNumber, asUnderenhet.deletedOn, fetchedAt);
    return { status: 'not-found', orgNumber, fetchedAt };
  }

  private async unit(
    collection: 'enheter' | 'underenheter',
    orgNumber: string,
  ): Promise<
    | { kind: 'found'; body: z.infer<typeof UnitSchema> }
    | { kind: 'not-found' }
    | { kind: 'deleted'; deletedOn?: string }
  > {
    const response = await this.get(`${this.options.base}/${collection}/${encodeURIComponent(orgNumber)}`);
    if (response.status === 404) return { kind: 'not-found' };
    if (response.status === 410) {
      const body = DeletedSchema.safeParse(await response.json().catch(() => undefined));
      const deletedOn = body.success ? body.data.slettedato : undefined;
      return deletedOn ? { kind: 'deleted', deletedOn } : { kind: 'deleted' };
    }
    const body = UnitSchema.safeParse(await this.json(response, collection));
    if (!body.success)
      throw new EnhetsregisteretError('unreadable', `${collection}/${orgNumber}: ${body.error.message}`);
    return { kind: 'found', body: body.data };
  }

  private async subUnitsOf(orgNumber: string): Promise<string[]> {
    const found: string[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const url = new URL(`${this.options.base}/underenheter`);
      url.searchParams.set('overordnetEnhet', orgNumber);
      url.searchParams.set('size', String(PAGE_SIZE));
      url.searchParams.set('page', String(page));
      const response = await this.get(url.toString());
      const body = SubUnitPageSchema.safeParse(await this.json(response, 'underenheter?overordnetEnhet'));
      if (!body.success) throw new EnhetsregisteretError('unreadable', `underenheter: ${body.error.message}`);
      found.push(...(body.data._embedded?.underenheter ?? []).map((u) => u.organisasjonsnummer));
      const totalPages = body.data.page?.totalPages ?? 1;
      if (page + 1 >= totalPages) break;
    }
    return found;
  }

  private async get(url: string): Promise<Response> {
    try {
      return await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (thrown) {
      const timedOut = thrown instanceof Error && (thrown.name === 'TimeoutError' || thrown.name === 'AbortError');
      throw new EnhetsregisteretError(timedOut ? 'timeout' : 'unreachable', `${url}: ${String(thrown)}`);
    }
  }

  private async json(response: Response, what: string): Promise<unknown> {
    if (!response.ok) throw new EnhetsregisteretError('unexpected-status', `${what}: HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new EnhetsregisteretError('unreadable', `${what}: not JSON`);
    }
  }
}

function toUnit(body: z.infer<typeof UnitSchema>, kind: RegisterUnit['kind']): RegisterUnit {
  return {
    orgNumber: body.organisasjonsnummer,
    name: body.navn,
    organisationForm: body.organisasjonsform?.kode ?? '',
    kind,
    ...(body.stiftelsesdato ? { foundedOn: body.stiftelsesdato } : {}),
    ...(body.registreringsdatoEnhetsregisteret ? { registeredOn: body.registreringsdatoEnhetsregisteret } : {}),
    ...(body.overordnetEnhet ? { parent: body.overordnetEnhet } : {}),
    bankrupt: body.konkurs ?? false,
    windingUp: body.underAvvikling ?? false,
    ...(body.slettedato ? { deletedOn: body.slettedato } : {}),
  };
}

function deleted(orgNumber: string, deletedOn: string | undefined, fetchedAt: string): RegisterAnswer {
  return deletedOn
    ? { status: 'deleted', orgNumber, deletedOn, fetchedAt }
    : { status: 'deleted', orgNumber, fetchedAt };
}
