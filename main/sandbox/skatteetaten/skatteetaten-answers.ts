import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../host';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorResponse } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { skatteetatenSlice, type StoredDocument } from './skatteetaten-state';
import { altinnSlice, partiesOf } from '../altinn/altinn-state';

/** `AMLD` for the a-melding APIs, `GLD` for the other innrapportering APIs, `FOR` for skattekort (§0.4). */
export type CodePrefix = 'AMLD' | 'GLD' | 'FOR';

export interface Spesifisering {
  kode: string;
  melding: string;
  sti?: string;
  angittVerdi?: string;
}

/** Skatteetaten's error body (§0.4) with a fresh korrelasjonsid, as a throwable answer. */
export function skeError(status: number, kode: string, melding: string, spesifisering: Spesifisering[] = []) {
  return new EmulatorHttpError({
    status,
    body: { kode, melding, korrelasjonsid: randomUUID(), ...(spesifisering.length ? { spesifisering } : {}) },
  });
}

export interface SystemUserCaller {
  /** The system user's owner (`systemuser_org`): the business itself, or the accounting firm. */
  systemUserOrg: string;
  vendorOrg: string;
  /** The orgs it may act for, as Altinn says: its own for a standard system user, its delegated clients for an agent. */
  parties: string[];
}

/**
 * The checks Skatteetaten makes on every call (§0.1, §1.7): a valid token (401 _004/_1008), the service's scope
 * (403 _005), a system user in authorization_details (403 _1063), a system user for the org the data is about
 * (403 _1015), and `Accept: application/json` (_1030).
 */
export async function authorizeSystemUser(
  req: EmulatorRequest,
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  p: CodePrefix,
  /** The service's scope, or each spelling of it the API accepts. */
  scope: string | readonly string[],
): Promise<SystemUserCaller> {
  const header = req.headers.authorization;
  const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
  const claims = token ? await authority.verify(token, `${ctx.baseUrl()}/maskinporten/`, ctx.now()) : null;
  if (!claims)
    throw skeError(401, `${p}_004`, 'Ugyldig token', [
      { kode: `${p}_1008`, melding: 'Tokenet er ugyldig eller utløpt' },
    ]);
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  const accepted: readonly string[] = typeof scope === 'string' ? [scope] : scope;
  if (!accepted.some((s) => scopes.includes(s))) {
    throw skeError(403, `${p}_005`, 'Ikke tilgang', [
      { kode: `${p}_1023`, melding: `Tokenet mangler scope ${accepted.join(' eller ')}` },
    ]);
  }
  const details = Array.isArray(claims.authorization_details) ? claims.authorization_details : [];
  const systemUser = details.find((d: { type?: string }) => d?.type === 'urn:altinn:systemuser') as
    { systemuser_org?: { ID?: string }; systemuser_id?: unknown } | undefined;
  const org = /^0192:(\d{9})$/.exec(systemUser?.systemuser_org?.ID ?? '')?.[1];
  if (!org) {
    throw skeError(403, `${p}_005`, 'Ikke tilgang', [
      { kode: `${p}_1063`, melding: 'Tokenet mangler informasjon om systembruker i authorization_details' },
    ]);
  }
  const accept = req.headers.accept;
  if (typeof accept === 'string' && !/application\/json|\*\/\*/.test(accept)) {
    throw skeError(400, `${p}_006`, 'Ugyldig forespørsel', [
      { kode: `${p}_1030`, melding: 'Accept må være application/json' },
    ]);
  }
  const vendor = /^0192:(\d{9})$/.exec((claims.consumer as { ID?: string } | undefined)?.ID ?? '')?.[1] ?? '';
  // Asked at each call, as Skatteetaten asks Altinn's authorization: a client whose delegation was removed after
  // the token was issued is refused from that moment.
  const id = Array.isArray(systemUser?.systemuser_id) ? String(systemUser.systemuser_id[0] ?? '') : '';
  const slice = altinnSlice(ctx.state);
  const user = slice.systemUsers[id];
  const parties = user && !user.isDeleted ? partiesOf(slice, user) : [org];
  return { systemUserOrg: org, vendorOrg: vendor, parties };
}

/**
 * The org the data is about must be one the system user acts for: a standard system user's own org, or a client
 * delegated to an agent system user (§1.7 `_1015`, the same answer for a client that was never or is no longer
 * delegated).
 */
export function requireOrg(caller: SystemUserCaller, org: string, p: CodePrefix): void {
  if (!caller.parties.includes(org)) {
    throw skeError(403, `${p}_005`, 'Ikke tilgang', [
      { kode: `${p}_1015`, melding: `Systembrukeren er ikke autorisert for ${org}`, angittVerdi: org },
    ]);
  }
}

export function requireContentType(req: EmulatorRequest, p: CodePrefix, kind: 'json' | 'xml'): void {
  const type = String(req.headers['content-type'] ?? '');
  if (kind === 'json' && !/^application\/json/i.test(type)) {
    throw skeError(400, `${p}_006`, 'Ugyldig forespørsel', [
      { kode: `${p}_1047`, melding: 'APIet har kun støtte for json i request body' },
    ]);
  }
  if (kind === 'xml' && !/^application\/xml/i.test(type)) {
    throw skeError(400, `${p}_006`, 'Ugyldig forespørsel', [
      { kode: 'GLD_1031', melding: 'Content-type må være av type application/xml' },
    ]);
  }
}

/** The key from the header, or the query (wherever the client put it; the real placement is UNCONFIRMED). */
export function idempotencyKeyOf(req: EmulatorRequest, p: CodePrefix, required: boolean): string | undefined {
  const header = req.headers.idempotencykey;
  const key = (typeof header === 'string' ? header : undefined) ?? req.query.get('idempotencyKey') ?? undefined;
  if (!key) {
    if (!required) return undefined;
    throw skeError(400, `${p}_006`, 'Ugyldig forespørsel', [
      { kode: `${p}_1028`, melding: 'Header idempotencyKey mangler' },
    ]);
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) {
    throw skeError(400, `${p}_006`, 'Ugyldig forespørsel', [
      { kode: `${p}_1022`, melding: 'idempotencyKey må være en UUID', angittVerdi: key },
    ]);
  }
  return key;
}

/** How long a stored answer is replayed for its key, per emulator (skatteetatenModule sets it). */
const answerReplayMs = new WeakMap<EmulatorContext, number>();

/**
 * After this long a repeat of a key is answered 409 `_019` instead of with the stored answer. How long the real
 * APIs replay is not published (skatteetaten-apis.md §0.3 says only that repeats "vil gi den samme responsen" and
 * that `_019` exists): the default replays for ever, a test or a demo can make the 409 happen.
 */
export function replayAnswersFor(ctx: EmulatorContext, ms: number): void {
  answerReplayMs.set(ctx, ms);
}

/**
 * "Flere etterfølgende POST kall med samme request-body og samme idempotencyKey vil gi den samme responsen. Kun
 * det første … vil behandles" (§0.3): a key seen with the same call gets the stored answer, with another call 409,
 * and so does the same call once the replay window (`replayAnswersFor`) has passed.
 * Answers that depend on nothing but the request (2xx and 4xx) are kept; a 5xx may be tried again.
 */
export async function idempotent(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  p: CodePrefix,
  key: string | undefined,
  handle: () => Promise<EmulatorResponse> | EmulatorResponse,
): Promise<EmulatorResponse> {
  if (!key) return handle();
  const slice = skatteetatenSlice(ctx.state);
  const requestSha256 = createHash('sha256')
    .update(`${req.method} ${req.path}?${req.query.toString()}\n`)
    .update(req.body)
    .digest('hex');
  const stored = slice.answers[key];
  if (stored) {
    const replayFor = answerReplayMs.get(ctx) ?? Number.POSITIVE_INFINITY;
    const expired = Date.parse(stored.at) + replayFor <= ctx.now().getTime();
    if (stored.requestSha256 !== requestSha256 || expired) {
      throw skeError(409, `${p}_019`, 'Idempotensnøkkel er benyttet tidligere');
    }
    return { status: stored.status, ...(stored.body === undefined ? {} : { body: stored.body }) };
  }
  let response: EmulatorResponse;
  try {
    response = await handle();
  } catch (error) {
    if (error instanceof EmulatorHttpError && error.response.status >= 400 && error.response.status < 500) {
      slice.answers[key] = {
        requestSha256,
        status: error.response.status,
        body: error.response.body,
        at: ctx.now().toISOString(),
      };
      void ctx.state.save();
    }
    throw error;
  }
  slice.answers[key] = { requestSha256, status: response.status, body: response.body, at: ctx.now().toISOString() };
  void ctx.state.save();
  return response;
}

/**
 * `GET …/forsendelser/{forsendelseId}/dokumenter/{dokumentId}`, the same for every service (§3.2, §6): unknown
 * forsendelse (_1061), a document not there or not ready yet (_1050), the document of an org the system user does not
 * act for (_1015).
 */
export function serveDocument(
  documents: Record<string, Record<string, StoredDocument>>,
  ids: { forsendelseId: string; dokumentId: string },
  caller: SystemUserCaller,
  now: Date,
  prefix: CodePrefix,
): EmulatorResponse {
  const forsendelse = documents[ids.forsendelseId];
  if (!forsendelse) {
    throw skeError(404, `${prefix}_021`, 'Ikke funnet', [
      { kode: `${prefix}_1061`, melding: 'Det finnes ingen forsendelse med denne IDen for denne ordningen' },
    ]);
  }
  const document = forsendelse[ids.dokumentId];
  if (!document || Date.parse(document.availableAt) > now.getTime()) {
    throw skeError(404, `${prefix}_021`, 'Ikke funnet', [
      { kode: `${prefix}_1050`, melding: 'Finner ikke et dokument med denne IDen på denne forsendelsen' },
    ]);
  }
  // The org the document is about must be one the system user acts for, as for every call (§1.7, `requireOrg`): its
  // own, or a client delegated to an agent system user, whose token names the firm (altinn-auth.md §5.4).
  if (!caller.parties.includes(document.org)) {
    throw skeError(403, `${prefix}_005`, 'Ikke tilgang', [{ kode: `${prefix}_1015`, melding: 'Ikke autorisert' }]);
  }
  if (document.encoding === 'base64') {
    return {
      status: 200,
      headers: { 'content-type': document.mediaType },
      body: Buffer.from(document.content, 'base64'),
    };
  }
  return {
    status: 200,
    headers: { 'content-type': `${document.mediaType}; charset=utf-8` },
    body: document.content,
  };
}
