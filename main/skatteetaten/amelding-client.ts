import { serviceById } from '../../shared/domain/services-catalogue';
import { FileUpload, type SubmittedUpload, type UploadHooks, type UploadStatus } from './file-upload';
import { unreadableAnswer } from './skatteetaten-errors';
import type { SkatteetatenHttp } from './skatteetaten-http';

/**
 * The a-melding paths (skatteetaten-apis.md §1.3–1.4). The submit path is THIRD-PARTY: it is here and nowhere else;
 * the upload API's paths are the shared upload flow's (file-upload.ts).
 */
export const AMELDING_PATHS = {
  submit: (kalendermaaned: string, opplysningspliktig: string) =>
    `innsending/${encodeURIComponent(kalendermaaned)}/${encodeURIComponent(opplysningspliktig)}`,
  document: (forsendelseId: string, dokumentId: string) =>
    `forsendelser/${encodeURIComponent(forsendelseId)}/dokumenter/${encodeURIComponent(dokumentId)}`,
} as const;

/** Over this, the REST route is not used and the file goes through the upload API (§0.5: "larger than 10 MB"). */
export const AMELDING_DIRECT_LIMIT_BYTES = 10 * 1024 * 1024;

export const AMELDING_SCOPE = serviceById('a-melding').scope;

/** Skatteetaten's receipt: the submission is registered; the business result comes later as the tilbakemelding. */
export interface AMeldingReceipt {
  dialogId: string;
  forsendelseId: string;
  meldingsId: string;
}

export interface AMeldingSubmission {
  kalendermaaned: string;
  opplysningspliktig: string;
  /** The JSON `{"leveranse": …}` exactly as it will be sent (and was hashed). */
  body: string;
  idempotencyKey: string;
}

export type { UploadState, UploadStatus } from './file-upload';
export type LargeSubmitHooks = UploadHooks;

export interface AMeldingClientOptions {
  http: SkatteetatenHttp;
  /** `endpoints.skatteetaten.amelding` from the environments table. */
  base: string;
  directLimitBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
  /** Give up waiting for the upload's validation after this long (the upload stays; a retry resumes it). */
  maxUploadWaitMs?: number;
}

export class AMeldingClient {
  private readonly uploads: FileUpload;

  constructor(private readonly options: AMeldingClientOptions) {
    this.uploads = new FileUpload({
      http: options.http,
      base: options.base,
      scope: AMELDING_SCOPE,
      contentType: 'application/json',
      codes: 'AMLD',
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
      ...(options.maxUploadWaitMs !== undefined ? { maxUploadWaitMs: options.maxUploadWaitMs } : {}),
    });
  }

  private url(path: string): URL {
    return new URL(path, this.options.base.endsWith('/') ? this.options.base : `${this.options.base}/`);
  }

  /** True when the body is too large for the REST route and must go through the upload API. */
  needsUpload(body: string): boolean {
    return Buffer.byteLength(body, 'utf8') > (this.options.directLimitBytes ?? AMELDING_DIRECT_LIMIT_BYTES);
  }

  /** The REST route; the same key and body again gives the same receipt, never a second submission. */
  async submit(submission: AMeldingSubmission): Promise<AMeldingReceipt> {
    const response = await this.options.http.send({
      method: 'POST',
      url: this.url(AMELDING_PATHS.submit(submission.kalendermaaned, submission.opplysningspliktig)),
      scope: AMELDING_SCOPE,
      body: submission.body,
      contentType: 'application/json',
      idempotencyKey: submission.idempotencyKey,
    });
    return receiptOf({ status: response.status, json: response.json(), text: response.text });
  }

  upload(body: string): Promise<UploadStatus> {
    return this.uploads.upload(body);
  }

  uploadStatus(id: string): Promise<UploadStatus> {
    return this.uploads.status(id);
  }

  deleteUpload(id: string): Promise<void> {
    return this.uploads.delete(id);
  }

  async submitUpload(id: string, idempotencyKey: string): Promise<AMeldingReceipt> {
    return receiptOf(await this.uploads.submitUpload(id, idempotencyKey));
  }

  waitForUpload(id: string, onStatus?: (s: UploadStatus) => void): Promise<UploadStatus> {
    return this.uploads.waitForValidation(id, onStatus);
  }

  /**
   * The large-file route: upload (or resume an upload), wait for validation, submit it with the key; an upload
   * that expired before it was sent in is made again (file-upload.ts).
   */
  async submitLarge(submission: AMeldingSubmission, hooks: LargeSubmitHooks = {}): Promise<AMeldingReceipt> {
    return receiptOf(
      await this.uploads.submitFile({ body: submission.body, idempotencyKey: submission.idempotencyKey }, hooks),
    );
  }

  /** A document of a forsendelse (the tilbakemelding, or the submitted file), by the ids Dialogporten gives. */
  async document(forsendelseId: string, dokumentId: string): Promise<unknown> {
    const response = await this.options.http.send({
      method: 'GET',
      url: this.url(AMELDING_PATHS.document(forsendelseId, dokumentId)),
      scope: AMELDING_SCOPE,
    });
    return response.json();
  }
}

function receiptOf(answer: SubmittedUpload): AMeldingReceipt {
  const o = (answer.json ?? {}) as Record<string, unknown>;
  if (typeof o.dialogId !== 'string' || typeof o.forsendelseId !== 'string') {
    throw unreadableAnswer(answer.status, answer.text);
  }
  return { dialogId: o.dialogId, forsendelseId: o.forsendelseId, meldingsId: String(o.meldingsId ?? '') };
}
