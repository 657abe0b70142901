import { schemeById, schemeScope, type SchemeId } from '../../shared/tredjepart/schemes';
import { unreadableAnswer } from './skatteetaten-errors';
import type { SkatteetatenHttp } from './skatteetaten-http';

/**
 * The document path below a scheme's base. The TPO file-upload API documents
 * `GET /forsendelser/{forsendelseId}/dokumenter/{dokumentId}` (skatteetaten-apis.md §6, [A13]); each JSON API's
 * own `uthenting_dokument` path is on SwaggerHub only: UNCONFIRMED, so it is this one constant.
 */
export const TREDJEPART_DOCUMENT_PATH = (forsendelseId: string, dokumentId: string) =>
  `forsendelser/${encodeURIComponent(forsendelseId)}/dokumenter/${encodeURIComponent(dokumentId)}`;

/** `https://innrapportering{scheme}.api.skatteetaten.no/v1` with the scheme's API name put in. */
export function tredjepartBase(template: string, scheme: SchemeId): string {
  return innrapporteringBase(template, schemeById(scheme).apiName);
}

/** The template with an API name put in: a scheme's, or the TPO file reception's. */
export function innrapporteringBase(template: string, apiName: string): string {
  return template.replace('{scheme}', apiName).replace(/\/+$/, '');
}

export interface TredjepartReceipt {
  dialogId: string;
  forsendelseId: string;
  /** The leveranse's own reference; several, comma-separated, when the receipt lists one per formål. */
  oppgavegiversLeveranseReferanse?: string;
  /** The oppgaver Skatteetaten counted; summed over the formål when the receipt lists them one by one. */
  antallOppgaver?: number;
}

/**
 * Where a receipt puts the leveranse's reference and count. Boligselskap nests them per formål (`leveranseformaal[]`
 * with `boligselskapFormaal`, `oppgavegiversLeveranseReferanse`, `antallSletteoppgaver`, `antallOppgaver`:
 * Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligselskap.md @ a147dc2c, "Eksempel på respons"); the
 * other schemes answer them at the top level. Both shapes are read for every scheme, since a page may change.
 */
export function receiptCounts(
  o: Record<string, unknown>,
): Pick<TredjepartReceipt, 'oppgavegiversLeveranseReferanse' | 'antallOppgaver'> {
  const perFormaal = Array.isArray(o.leveranseformaal)
    ? o.leveranseformaal.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)
    : [];
  const references = [o.oppgavegiversLeveranseReferanse, ...perFormaal.map((x) => x.oppgavegiversLeveranseReferanse)]
    .filter((r): r is string => typeof r === 'string' && r !== '')
    .filter((r, i, all) => all.indexOf(r) === i);
  const counts = perFormaal.map((x) => x.antallOppgaver).filter((n): n is number => typeof n === 'number');
  const antallOppgaver =
    typeof o.antallOppgaver === 'number' ? o.antallOppgaver : counts.length ? counts.reduce((a, b) => a + b, 0) : null;
  return {
    ...(references.length ? { oppgavegiversLeveranseReferanse: references.join(', ') } : {}),
    ...(antallOppgaver !== null ? { antallOppgaver } : {}),
  };
}

/**
 * One client for every "innrapportering" API (§6): `POST {base}/{inntektsaar}` with the melding JSON, the
 * systembruker token for the scheme's scope and the submission's idempotency key. Errors are the shared GLD_
 * mapping (skatteetaten-errors.ts), so a 400 GLD_010 is `rejected`, 403 `needs-action`, 429/5xx `transient`.
 */
export class TredjepartClient {
  constructor(private readonly options: { http: SkatteetatenHttp; template: string }) {}

  url(scheme: SchemeId, path: string): URL {
    return new URL(path, `${tredjepartBase(this.options.template, scheme)}/`);
  }

  async submit(request: {
    scheme: SchemeId;
    inntektsaar: string;
    body: string;
    idempotencyKey: string;
  }): Promise<TredjepartReceipt> {
    const response = await this.options.http.send({
      method: 'POST',
      url: this.url(request.scheme, encodeURIComponent(request.inntektsaar)),
      scope: schemeScope(request.scheme),
      body: request.body,
      contentType: 'application/json',
      idempotencyKey: request.idempotencyKey,
    });
    let o: Record<string, unknown> = {};
    try {
      o = response.json<Record<string, unknown>>();
    } catch {
      // Not JSON: reported below as an unexpected receipt.
    }
    // The older boligselskap example calls the transmission id `dialogelementId` (innrapportering-boligselskap.md).
    const forsendelseId = o.forsendelseId ?? o.dialogelementId;
    if (typeof o.dialogId !== 'string' || typeof forsendelseId !== 'string') {
      throw unreadableAnswer(response.status, response.text);
    }
    return { dialogId: o.dialogId, forsendelseId, ...receiptCounts(o) };
  }

  /** A document of a transmission (feedback or the submitted file), as text. */
  async document(scheme: SchemeId, forsendelseId: string, dokumentId: string): Promise<string> {
    const response = await this.options.http.send({
      method: 'GET',
      url: this.url(scheme, TREDJEPART_DOCUMENT_PATH(forsendelseId, dokumentId)),
      scope: schemeScope(scheme),
    });
    return response.text;
  }
}
