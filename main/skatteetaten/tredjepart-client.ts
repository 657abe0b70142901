import { schemeById, schemeScope, type SchemeId } from '../../shared/tredjepart/schemes';
import { skatteetatenError } from './skatteetaten-errors';
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
  return template.replace('{scheme}', schemeById(scheme).apiName).replace(/\/+$/, '');
}

export interface TredjepartReceipt {
  dialogId: string;
  forsendelseId: string;
  oppgavegiversLeveranseReferanse?: string;
  antallOppgaver?: number;
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
      throw skatteetatenError(
        502,
        { kode: 'UNEXPECTED_RECEIPT', melding: response.text.slice(0, 200), spesifisering: [] },
        undefined,
      );
    }
    return {
      dialogId: o.dialogId,
      forsendelseId,
      ...(typeof o.oppgavegiversLeveranseReferanse === 'string'
        ? { oppgavegiversLeveranseReferanse: o.oppgavegiversLeveranseReferanse }
        : {}),
      ...(typeof o.antallOppgaver === 'number' ? { antallOppgaver: o.antallOppgaver } : {}),
    };
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
