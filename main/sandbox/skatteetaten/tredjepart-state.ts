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

/** Kept in its own slice; stored answers and documents live in the shared Skatteetaten slice. */
export interface TredjepartSlice {
  submissions: RegisteredTredjepart[];
  receiptsByIdempotencyKey: Record<string, number>;
}

export function tredjepartSlice(state: EmulatorState): TredjepartSlice {
  return state.slice<TredjepartSlice>('tredjepart', () => ({ submissions: [], receiptsByIdempotencyKey: {} }));
}
