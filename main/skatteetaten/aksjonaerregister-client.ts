import { serviceById } from '../../shared/domain/services-catalogue';
import { stepIdempotencyKey } from './idempotency';
import { SkatteetatenError, unreadableAnswer } from './skatteetaten-errors';
import type { SkatteetatenHttp } from './skatteetaten-http';

/** The RF-1086 paths (skatteetaten-apis.md §2.3), relative to `endpoints.skatteetaten.aksjonaerregister`. */
export const AKSJONAERREGISTER_PATHS = {
  hovedskjema: (aar: string) => `${aar}/1086H`,
  underskjema: (aar: string, id: string) => `${aar}/${encodeURIComponent(id)}/1086U`,
  bekreft: (aar: string, id: string, antall: number) =>
    `${aar}/${encodeURIComponent(id)}/bekreft?antall_underskjema=${antall}`,
  documents: (aar: string, forsendelseId: string, page: number, size: number) =>
    `${aar}/forsendelser/${encodeURIComponent(forsendelseId)}/dokumenter?page=${page}&size=${size}`,
  document: (aar: string, forsendelseId: string, dokumentId: string) =>
    `${aar}/forsendelser/${encodeURIComponent(forsendelseId)}/dokumenter/${encodeURIComponent(dokumentId)}`,
  prefill: (aar: string, oppgavegiver: string, page: number) =>
    `prefill/${aar}/${encodeURIComponent(oppgavegiver)}?page=${page}`,
} as const;

export const AKSJONAERREGISTER_SCOPE = serviceById('aksjonaerregisteroppgave').scope;

/** One return: the main form and one shareholder form per shareholder and share class, as raw XML. */
export interface Rf1086Return {
  inntektsaar: string;
  hovedskjema: string;
  underskjemaer: readonly string[];
}

/** How far a return got; persisted after each step so a restart continues from the step where it stopped. */
export interface Rf1086Progress {
  hovedskjemaId?: string;
  /** How many shareholder forms Skatteetaten has accepted, in order. */
  underskjemaSent: number;
}

export interface Rf1086Receipt {
  hovedskjemaId: string;
  oppgavegiversLeveranseReferanse: string;
  dialogId: string;
  forsendelseId: string;
}

export interface Rf1086Prefill {
  totalItems: number;
  totalPages: number;
  currentPage: number;
  oppgaveStatus: string;
  dokumenter: { aksjeklasse?: string; namespace?: string; dokument: string }[];
}

export interface SubmitReturnOptions {
  /** The submission's key; each step's key is derived from it (stepIdempotencyKey). */
  idempotencyKey: string;
  progress?: Rf1086Progress;
  /** Written before the next step is taken. */
  saveProgress?: (progress: Rf1086Progress) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

export class AksjonaerregisterClient {
  constructor(private readonly options: { http: SkatteetatenHttp; base: string }) {}

  private url(path: string): URL {
    return new URL(path, this.options.base.endsWith('/') ? this.options.base : `${this.options.base}/`);
  }

  /** `POST /{år}/1086H` → the main form's id (the field is spelled two ways in the sources; both are read). */
  async submitHovedskjema(inntektsaar: string, xml: string, idempotencyKey: string): Promise<string> {
    const response = await this.options.http.send({
      method: 'POST',
      url: this.url(AKSJONAERREGISTER_PATHS.hovedskjema(inntektsaar)),
      scope: AKSJONAERREGISTER_SCOPE,
      body: xml,
      contentType: 'application/xml',
      idempotencyKey,
    });
    const o = response.json<Record<string, unknown>>();
    const id = o.hovedskjemaid ?? o.hovedskjemaId;
    if (typeof id !== 'string') {
      throw unreadableAnswer(response.status, response.text);
    }
    return id;
  }

  async submitUnderskjema(
    inntektsaar: string,
    hovedskjemaId: string,
    xml: string,
    idempotencyKey: string,
  ): Promise<void> {
    await this.options.http.send({
      method: 'POST',
      url: this.url(AKSJONAERREGISTER_PATHS.underskjema(inntektsaar, hovedskjemaId)),
      scope: AKSJONAERREGISTER_SCOPE,
      body: xml,
      contentType: 'application/xml',
      idempotencyKey,
    });
  }

  /**
   * `POST …/bekreft?antall_underskjema=n`. The published OpenAPI reportedly has no key here ([T4]); one is sent
   * anyway so an interrupted confirmation can be asked again and answered with the same receipt.
   */
  async bekreft(
    inntektsaar: string,
    hovedskjemaId: string,
    antall: number,
    idempotencyKey: string,
  ): Promise<Rf1086Receipt> {
    const response = await this.options.http.send({
      method: 'POST',
      url: this.url(AKSJONAERREGISTER_PATHS.bekreft(inntektsaar, hovedskjemaId, antall)),
      scope: AKSJONAERREGISTER_SCOPE,
      idempotencyKey,
    });
    const o = response.json<Record<string, unknown>>();
    if (typeof o.dialogId !== 'string' || typeof o.forsendelseId !== 'string') {
      throw unreadableAnswer(response.status, response.text);
    }
    return {
      hovedskjemaId,
      oppgavegiversLeveranseReferanse: String(o.oppgavegiversLeveranseReferanse ?? hovedskjemaId),
      dialogId: o.dialogId,
      forsendelseId: o.forsendelseId,
    };
  }

  /**
   * The whole return, resumable: the main form (unless `progress` has its id), each shareholder form not yet
   * accepted, then the confirmation. Each step's key is derived from the submission's key, so repeating a step
   * whose answer was lost is a replay, not a second form.
   */
  async submitReturn(ret: Rf1086Return, options: SubmitReturnOptions): Promise<Rf1086Receipt> {
    const progress: Rf1086Progress = { underskjemaSent: 0, ...options.progress };
    const total = ret.underskjemaer.length + 2;
    const key = (step: string) => stepIdempotencyKey(options.idempotencyKey, step);
    if (!progress.hovedskjemaId) {
      progress.hovedskjemaId = await this.submitHovedskjema(ret.inntektsaar, ret.hovedskjema, key('1086H'));
      await options.saveProgress?.({ ...progress });
    }
    const id = progress.hovedskjemaId;
    options.onProgress?.(1 + progress.underskjemaSent, total);
    while (progress.underskjemaSent < ret.underskjemaer.length) {
      const i = progress.underskjemaSent;
      await this.submitUnderskjema(ret.inntektsaar, id, ret.underskjemaer[i] as string, key(`1086U-${i}`));
      progress.underskjemaSent = i + 1;
      await options.saveProgress?.({ ...progress });
      options.onProgress?.(1 + progress.underskjemaSent, total);
    }
    const receipt = await this.bekreft(ret.inntektsaar, id, ret.underskjemaer.length, key('bekreft'));
    options.onProgress?.(total, total);
    return receipt;
  }

  /** Last year's return (GODKJENT or AVVIST) to start from; null when Skatteetaten has none (404). */
  async prefill(inntektsaar: string, oppgavegiver: string, page = 0): Promise<Rf1086Prefill | null> {
    try {
      const response = await this.options.http.send({
        method: 'GET',
        url: this.url(AKSJONAERREGISTER_PATHS.prefill(inntektsaar, oppgavegiver, page)),
        scope: AKSJONAERREGISTER_SCOPE,
      });
      return response.json<Rf1086Prefill>();
    } catch (error) {
      if (error instanceof SkatteetatenError && error.status === 404) return null;
      throw error;
    }
  }

  async documents(inntektsaar: string, forsendelseId: string, page = 0, size = 50): Promise<unknown> {
    const response = await this.options.http.send({
      method: 'GET',
      url: this.url(AKSJONAERREGISTER_PATHS.documents(inntektsaar, forsendelseId, page, Math.min(50, size))),
      scope: AKSJONAERREGISTER_SCOPE,
    });
    return response.json();
  }

  async document(inntektsaar: string, forsendelseId: string, dokumentId: string): Promise<string> {
    const response = await this.options.http.send({
      method: 'GET',
      url: this.url(AKSJONAERREGISTER_PATHS.document(inntektsaar, forsendelseId, dokumentId)),
      scope: AKSJONAERREGISTER_SCOPE,
    });
    return response.text;
  }
}
