import type { EmulatorState } from '../state';

/** A call answered once and kept, so the same key and body get the same answer again (§0.3). */
export interface StoredAnswer {
  requestSha256: string;
  status: number;
  body: unknown;
  at: string;
}

/** One report Skatteetaten registered: what the tests count to prove "never twice". */
export interface RegisteredSubmission {
  service: 'a-melding' | 'aksjonaerregisteroppgave';
  idempotencyKey: string;
  org: string;
  /** `YYYY-MM` for the a-melding, the income year for RF-1086. */
  period: string;
  /** The a-melding's meldingsId, or RF-1086's hovedskjema id. */
  reference: string;
  dialogId: string;
  forsendelseId: string;
  receivedAt: string;
  /** The a-melding this one replaced. */
  replaces?: string;
  /** Skatteetaten's computed totals of an a-melding, for the month's totals in later feedback. */
  totals?: { arbeidsgiveravgift: number; forskuddstrekk: number };
}

export interface StoredDocument {
  /** Only the org the forsendelse is about may read it. */
  org: string;
  mediaType: string;
  content: string;
  /** `base64`: `content` holds a binary document's bytes (a PDF) so the state stays JSON; else it is the text. */
  encoding?: 'base64';
  /** Not served before this time: the feedback is made "a moment later". */
  availableAt: string;
}

export interface StoredUpload {
  id: string;
  org: string;
  body: string;
  createdAt: string;
  validatedAt: string;
  /** Null when it passed; otherwise Skatteetaten's feilliste. */
  feilliste: { kode: string; melding: string; sti?: string }[] | null;
  submitted: boolean;
}

export interface StoredHovedskjema {
  id: string;
  aar: string;
  org: string;
  hovedskjema: string;
  underskjemaer: string[];
  confirmed?: { dialogId: string; forsendelseId: string };
  status?: 'GODKJENT' | 'AVVIST';
}

export interface SkatteetatenSlice {
  answers: Record<string, StoredAnswer>;
  /** Registered submissions per idempotency key: 1 for each, or a report was taken twice. */
  receiptsByIdempotencyKey: Record<string, number>;
  /** Registered a-meldinger per `<org>/<meldingsId>`: the same proof, keyed by what the business sees. */
  receiptsByMeldingsId: Record<string, number>;
  submissions: RegisteredSubmission[];
  uploads: Record<string, StoredUpload>;
  hovedskjema: Record<string, StoredHovedskjema>;
  /** Documents per forsendelse id, per document id. */
  documents: Record<string, Record<string, StoredDocument>>;
}

export function skatteetatenSlice(state: EmulatorState): SkatteetatenSlice {
  return state.slice<SkatteetatenSlice>('skatteetaten', () => ({
    answers: {},
    receiptsByIdempotencyKey: {},
    receiptsByMeldingsId: {},
    submissions: [],
    uploads: {},
    hovedskjema: {},
    documents: {},
  }));
}
