import type { EmulatorState } from '../state';
import type { SchemeId } from '../../../shared/tredjepart/schemes';

/** One tredjepart melding the sandbox registered: what tests count to prove "never twice". */
export interface RegisteredTredjepart {
  scheme: SchemeId;
  idempotencyKey: string;
  org: string;
  inntektsaar: string;
  reference: string;
  dialogId: string;
  forsendelseId: string;
  antallOppgaver: number;
  receivedAt: string;
}

/** A file in the TPO file reception, from `POST /opplastinger` until it is sent in, deleted or expired. */
export interface TredjepartUpload {
  id: string;
  scheme: SchemeId;
  org: string;
  /** The XML as uploaded; emptied once sent in (the submission's document keeps it). */
  file: string;
  /** The file read as the scheme's JSON melding, so sending it in needs no second parse; emptied likewise. */
  melding: string;
  createdAt: string;
  validatedAt: string;
  feilliste: { kode: string; melding: string; sti?: string }[] | null;
  submitted: boolean;
}

/** Kept in its own slice; stored answers and documents live in the shared Skatteetaten slice. */
export interface TredjepartSlice {
  submissions: RegisteredTredjepart[];
  receiptsByIdempotencyKey: Record<string, number>;
  uploads: Record<string, TredjepartUpload>;
  /** Every `POST /opplastinger` taken: what tests count to prove a resumed upload was not made twice. */
  uploadsReceived: number;
}

export function tredjepartSlice(state: EmulatorState): TredjepartSlice {
  const slice = state.slice<TredjepartSlice>('tredjepart', () => ({
    submissions: [],
    receiptsByIdempotencyKey: {},
    uploads: {},
    uploadsReceived: 0,
  }));
  // A state kept before the file reception existed has neither.
  slice.uploads ??= {};
  slice.uploadsReceived ??= 0;
  return slice;
}
