import { serviceById } from '../../shared/domain/services-catalogue';
import { skatteetatenError, type FeilSpesifisering } from './skatteetaten-errors';
import type { SkatteetatenHttp } from './skatteetaten-http';

/**
 * The a-melding paths (skatteetaten-apis.md §1.3–1.4). The submit path is THIRD-PARTY and how `PUT /innsending`
 * names the upload is UNCONFIRMED: both are here and nowhere else.
 */
export const AMELDING_PATHS = {
  submit: (kalendermaaned: string, opplysningspliktig: string) =>
    `innsending/${encodeURIComponent(kalendermaaned)}/${encodeURIComponent(opplysningspliktig)}`,
  uploads: 'opplastinger',
  upload: (id: string) => `opplastinger/${encodeURIComponent(id)}`,
  submitUpload: 'innsending',
  /** UNCONFIRMED: the upload id as a JSON body `{ "id": … }`. */
  submitUploadBody: (id: string) => JSON.stringify({ id }),
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

export type UploadState = 'LASTER_OPP' | 'VALIDERING_FEILET' | 'KLAR_TIL_INNSENDING' | 'TEKNISK_FEIL_VALIDERING';

export interface UploadStatus {
  status: UploadState | string;
  id: string;
  feilliste: unknown[] | null;
  sistOppdatertTidspunkt: string | null;
}

export interface LargeSubmitHooks {
  /** An upload made before a crash: polled and submitted instead of uploading again. */
  uploadId?: string;
  /** Called once the upload exists, before it is polled: persist the id so a restart can resume from it. */
  onUploaded?: (id: string) => Promise<void>;
  onStatus?: (status: UploadStatus) => void;
}

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
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: AMeldingClientOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
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
    return receiptOf(response.json());
  }

  async upload(body: string): Promise<UploadStatus> {
    const response = await this.options.http.send({
      method: 'POST',
      url: this.url(AMELDING_PATHS.uploads),
      scope: AMELDING_SCOPE,
      body,
      contentType: 'application/json',
    });
    return uploadStatusOf(response.json());
  }

  /** The upload's status; the API answers with an array of one (§1.4), a bare object is accepted too. */
  async uploadStatus(id: string): Promise<UploadStatus> {
    const response = await this.options.http.send({
      method: 'GET',
      url: this.url(AMELDING_PATHS.upload(id)),
      scope: AMELDING_SCOPE,
    });
    return uploadStatusOf(response.json());
  }

  async deleteUpload(id: string): Promise<void> {
    await this.options.http.send({ method: 'DELETE', url: this.url(AMELDING_PATHS.upload(id)), scope: AMELDING_SCOPE });
  }

  async submitUpload(id: string, idempotencyKey: string): Promise<AMeldingReceipt> {
    const response = await this.options.http.send({
      method: 'PUT',
      url: this.url(AMELDING_PATHS.submitUpload),
      scope: AMELDING_SCOPE,
      body: AMELDING_PATHS.submitUploadBody(id),
      contentType: 'application/json',
      idempotencyKey,
    });
    return receiptOf(response.json());
  }

  /** Polls until the upload is validated; a failed validation is a rejection with Skatteetaten's `feilliste`. */
  async waitForUpload(id: string, onStatus?: (s: UploadStatus) => void): Promise<UploadStatus> {
    const interval = this.options.pollIntervalMs ?? 1000;
    const maxWait = this.options.maxUploadWaitMs ?? 10 * 60_000;
    for (let waited = 0; ; waited += interval) {
      const status = await this.uploadStatus(id);
      onStatus?.(status);
      if (status.status === 'KLAR_TIL_INNSENDING') return status;
      if (status.status === 'VALIDERING_FEILET' || status.status === 'TEKNISK_FEIL_VALIDERING') {
        throw skatteetatenError(
          status.status === 'VALIDERING_FEILET' ? 400 : 500,
          {
            kode: status.status === 'VALIDERING_FEILET' ? 'AMLD_010' : 'AMLD_017',
            melding: status.status,
            spesifisering: feilOf(status.feilliste),
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

  /** The large-file route: upload (or resume an upload), wait for validation, submit it with the key. */
  async submitLarge(submission: AMeldingSubmission, hooks: LargeSubmitHooks = {}): Promise<AMeldingReceipt> {
    let id = hooks.uploadId;
    if (!id) {
      id = (await this.upload(submission.body)).id;
      await hooks.onUploaded?.(id);
    }
    await this.waitForUpload(id, hooks.onStatus);
    return this.submitUpload(id, submission.idempotencyKey);
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

/**
 * The body of a replacement (§1.6): the same leveranse with a new meldingsId that names the one it replaces.
 * Skatteetaten keeps the last delivery per opplysningspliktig and month.
 */
export function asReplacement(body: string, replaces: string, newMeldingsId: string): string {
  const parsed = JSON.parse(body) as { leveranse: Record<string, unknown> };
  return JSON.stringify({
    leveranse: { ...parsed.leveranse, meldingsId: newMeldingsId, erstatterMeldingsId: replaces },
  });
}

function receiptOf(json: unknown): AMeldingReceipt {
  const o = (json ?? {}) as Record<string, unknown>;
  if (typeof o.dialogId !== 'string' || typeof o.forsendelseId !== 'string') {
    throw skatteetatenError(
      502,
      { kode: 'UNEXPECTED_RECEIPT', melding: JSON.stringify(json).slice(0, 200), spesifisering: [] },
      undefined,
    );
  }
  return { dialogId: o.dialogId, forsendelseId: o.forsendelseId, meldingsId: String(o.meldingsId ?? '') };
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

function feilOf(list: unknown[] | null): FeilSpesifisering[] {
  return (list ?? []).map((item) => {
    const o = (item ?? {}) as Record<string, unknown>;
    return {
      kode: String(o.kode ?? o.code ?? 'AMLD_010'),
      melding: String(o.melding ?? o.message ?? JSON.stringify(item)),
      ...(typeof o.sti === 'string' ? { sti: o.sti } : {}),
    };
  });
}
