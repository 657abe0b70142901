import { TPO_FILE_RECEPTION_SCOPE } from '../../shared/domain/services-catalogue';
import { FileUpload, type UploadHooks } from './file-upload';
import { unreadableAnswer } from './skatteetaten-errors';
import type { SkatteetatenHttp } from './skatteetaten-http';
import { innrapporteringBase, type TredjepartReceipt } from './tredjepart-client';

/**
 * Skatteetaten's TPO file reception (Skatteetaten/api-dokumentasjon docs/api/innrapportering-tpo-filmottak.md @
 * 0a722698): the shared upload flow (file-upload.ts) with the XML file, scope `skatteetaten:innrapporteringtpofilopplasting`
 * and GLD codes; `PUT /innsending` answers `{dialogId, forsendelseId, oppgavegiversLeveranseReferanse}`.
 *
 * UNCONFIRMED (SwaggerHub only): the host, taken as `innrapporteringtpofilmottak` in the environments table's
 * tredjepart template. It is this one constant.
 */
export const TPO_FILE_RECEPTION_API_NAME = 'tpofilmottak';

/** Over this the scheme's JSON API refuses the body ("Maksimal størrelse på request body er 10 mb"). */
export const TREDJEPART_DIRECT_LIMIT_BYTES = 10 * 1024 * 1024;

export interface TpoFileReceptionClientOptions {
  http: SkatteetatenHttp;
  /** `endpoints.skatteetaten.tredjepartTemplate`. */
  template: string;
  sleep?: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
  maxUploadWaitMs?: number;
}

export class TpoFileReceptionClient {
  readonly uploads: FileUpload;

  constructor(options: TpoFileReceptionClientOptions) {
    this.uploads = new FileUpload({
      http: options.http,
      base: innrapporteringBase(options.template, TPO_FILE_RECEPTION_API_NAME),
      scope: TPO_FILE_RECEPTION_SCOPE,
      contentType: 'application/xml',
      codes: 'GLD',
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
      ...(options.maxUploadWaitMs !== undefined ? { maxUploadWaitMs: options.maxUploadWaitMs } : {}),
    });
  }

  /** Upload the XML (or resume a crashed attempt's upload, or upload again if it expired), then send it in. */
  async submitFile(
    request: { xml: string; idempotencyKey: string },
    hooks: UploadHooks = {},
  ): Promise<TredjepartReceipt> {
    const { status, json, text } = await this.uploads.submitFile(
      { body: request.xml, idempotencyKey: request.idempotencyKey },
      hooks,
    );
    const o = (json ?? {}) as Record<string, unknown>;
    if (typeof o.dialogId !== 'string' || typeof o.forsendelseId !== 'string') {
      throw unreadableAnswer(status, text);
    }
    return {
      dialogId: o.dialogId,
      forsendelseId: o.forsendelseId,
      ...(typeof o.oppgavegiversLeveranseReferanse === 'string'
        ? { oppgavegiversLeveranseReferanse: o.oppgavegiversLeveranseReferanse }
        : {}),
    };
  }
}
