import { SkatteetatenError, skatteetatenError, type FeilSpesifisering } from './skatteetaten-errors';
import type { SkatteetatenHttp } from './skatteetaten-http';

/**
 * Skatteetaten's two file-upload APIs share one flow (skatteetaten-apis.md §1.4 for the a-melding,
 * Skatteetaten/api-dokumentasjon docs/api/innrapportering-tpo-filmottak.md @ 0a722698 for tredjepartsopplysninger):
 * `POST /opplastinger` with the file, `GET /opplastinger/{id}` until `KLAR_TIL_INNSENDING` (or `VALIDERING_FEILET` /
 * `TEKNISK_FEIL_VALIDERING` with a `feilliste`), `DELETE /opplastinger/{id}`, then `PUT /innsending` with the
 * submission's idempotency key. What differs is here as options: the base, the scope, the file's content type and
 * the error-code family.
 *
 * UNCONFIRMED (SwaggerHub only): how `PUT /innsending` names the upload, read as a JSON body `{"id": …}`.
 */
export const UPLOAD_PATHS = {
  uploads: 'opplastinger',
  upload: (id: string) => `opplastinger/${encodeURIComponent(id)}`,
  submit: 'innsending',
  submitBody: (id: string) => JSON.stringify({ id }),
} as const;

export type UploadState = 'LASTER_OPP' | 'VALIDERING_FEILET' | 'KLAR_TIL_INNSENDING' | 'TEKNISK_FEIL_VALIDERING';

export interface UploadStatus {
  status: UploadState | string;
  id: string;
  feilliste: unknown[] | null;
  sistOppdatertTidspunkt: string | null;
}

export interface UploadHooks {
  /** An upload made before a crash: polled and submitted instead of uploading again. */
  uploadId?: string;
  /** Called once an upload exists, before it is polled: persist the id so a restart can resume from it. */
  onUploaded?: (id: string) => Promise<void>;
  onStatus?: (status: UploadStatus) => void;
}

export interface FileUploadOptions {
  http: SkatteetatenHttp;
  /** The API's base, ending before `opplastinger`. */
  base: string;
  scope: string;
  /** JSON for the a-melding, XML for the TPO file reception (GLD_1031). */
  contentType: 'application/json' | 'application/xml';
  /** The error family: `AMLD` or `GLD`. */
  codes: 'AMLD' | 'GLD';
  sleep?: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
  /** Give up waiting for validation after this long (the upload stays; a retry resumes it). */
  maxUploadWaitMs?: number;
}

export class FileUpload {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: FileUploadOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private url(path: string): URL {
    return new URL(path, this.options.base.endsWith('/') ? this.options.base : `${this.options.base}/`);
  }

  async upload(body: string): Promise<UploadStatus> {
    const response = await this.options.http.send({
      method: 'POST',
      url: this.url(UPLOAD_PATHS.uploads),
      scope: this.options.scope,
      body,
      contentType: this.options.contentType,
    });
    return uploadStatusOf(response.json());
  }

  /** The upload's status; the APIs answer with an array of one, a bare object is read too. */
  async status(id: string): Promise<UploadStatus> {
    const response = await this.options.http.send({
      method: 'GET',
      url: this.url(UPLOAD_PATHS.upload(id)),
      scope: this.options.scope,
    });
    return uploadStatusOf(response.json());
  }

  async delete(id: string): Promise<void> {
    await this.options.http.send({
      method: 'DELETE',
      url: this.url(UPLOAD_PATHS.upload(id)),
      scope: this.options.scope,
    });
  }

  /** `PUT /innsending`: the receipt's JSON as Skatteetaten sent it, for the caller to read. */
  async submitUpload(id: string, idempotencyKey: string): Promise<SubmittedUpload> {
    const response = await this.options.http.send({
      method: 'PUT',
      url: this.url(UPLOAD_PATHS.submit),
      scope: this.options.scope,
      body: UPLOAD_PATHS.submitBody(id),
      contentType: 'application/json',
      idempotencyKey,
    });
    return { status: response.status, json: response.json(), text: response.text };
  }

  /** Polls until the upload is validated; a failed validation is a rejection with Skatteetaten's `feilliste`. */
  async waitForValidation(id: string, onStatus?: (s: UploadStatus) => void): Promise<UploadStatus> {
    const p = this.options.codes;
    const interval = this.options.pollIntervalMs ?? 1000;
    const maxWait = this.options.maxUploadWaitMs ?? 10 * 60_000;
    for (let waited = 0; ; waited += interval) {
      const status = await this.status(id);
      onStatus?.(status);
      if (status.status === 'KLAR_TIL_INNSENDING') return status;
      if (status.status === 'VALIDERING_FEILET' || status.status === 'TEKNISK_FEIL_VALIDERING') {
        const failed = status.status === 'VALIDERING_FEILET';
        throw skatteetatenError(
          failed ? 400 : 500,
          {
            kode: failed ? `${p}_010` : `${p}_017`,
            melding: status.status,
            spesifisering: feilOf(status.feilliste, `${p}_010`),
          },
          undefined,
        );
      }
      if (waited >= maxWait) {
        throw skatteetatenError(
          504,
          { kode: 'UPLOAD_VALIDATION_TIMEOUT', melding: `upload ${id} still ${status.status}`, spesifisering: [] },
          undefined,
        );
      }
      await this.sleep(interval);
    }
  }

  /**
   * Upload (or resume the upload of a crashed attempt), wait for validation, submit it with the key. An upload
   * Skatteetaten no longer has (404 `_021`: expired or deleted before it was sent in) is uploaded again once and
   * the new id saved: nothing was delivered for the old one, so this is no second delivery.
   */
  async submitFile(
    request: { body: string; idempotencyKey: string },
    hooks: UploadHooks = {},
  ): Promise<SubmittedUpload> {
    let id = hooks.uploadId ?? (await this.uploadAndSave(request.body, hooks));
    for (let restarted = false; ; restarted = true) {
      try {
        await this.waitForValidation(id, hooks.onStatus);
        return await this.submitUpload(id, request.idempotencyKey);
      } catch (thrown) {
        if (restarted || !(thrown instanceof SkatteetatenError) || thrown.status !== 404) throw thrown;
        id = await this.uploadAndSave(request.body, hooks);
      }
    }
  }

  private async uploadAndSave(body: string, hooks: UploadHooks): Promise<string> {
    const uploaded = await this.upload(body);
    await hooks.onUploaded?.(uploaded.id);
    return uploaded.id;
  }
}

/** Skatteetaten's answer to `PUT /innsending`, for the caller to read its receipt from. */
export interface SubmittedUpload {
  status: number;
  json: unknown;
  text: string;
}

function uploadStatusOf(json: unknown): UploadStatus {
  const item = (Array.isArray(json) ? json[0] : json) as Record<string, unknown> | undefined;
  return {
    status: String(item?.status ?? ''),
    id: String(item?.id ?? ''),
    feilliste: Array.isArray(item?.feilliste) ? item.feilliste : null,
    sistOppdatertTidspunkt: typeof item?.sistOppdatertTidspunkt === 'string' ? item.sistOppdatertTidspunkt : null,
  };
}

function feilOf(list: unknown[] | null, fallback: string): FeilSpesifisering[] {
  return (list ?? []).map((item) => {
    const o = (item ?? {}) as Record<string, unknown>;
    return {
      kode: String(o.kode ?? o.code ?? fallback),
      melding: String(o.melding ?? o.message ?? JSON.stringify(item)),
      ...(typeof o.sti === 'string' ? { sti: o.sti } : {}),
    };
  });
}
