import type { AltinnOnlyClient, FirmClient } from '../../shared/domain/firm';
import type { LocalizedText } from '../../shared/domain/localized';
import type { FeedbackDialog } from '../../shared/feedback/feedback-dialog';
import type { ReportedPeriod, Submission, SubmissionPayload } from '../../shared/outbox/submission';

/**
 * What Innsender keeps, behind one interface per concern. The app opens one `Store` per data dir
 * (`sqlite/sqlite-store.ts`); a shared PostgreSQL for a firm with several desktops is meant to fit behind the same
 * interfaces, so every method is async and no database type crosses them. Each repository is scoped to one profile,
 * and every row carries the profile id (and, where it has one, the client's org number) as columns, so a firm-wide
 * question is one indexed query (`summaryByClient`).
 */
export interface Store {
  /** Where it is kept, for messages and the README's "Data on disk" (a file path, or a server's name). */
  readonly location: string;
  submissions(profileId: string): SubmissionRepository;
  clients(profileId: string): ClientRepository;
  feedback(profileId: string): FeedbackStateRepository;
  auditIndex(profileId: string): AuditIndexRepository;
  /** Per client org of one profile: what needs attention (one query, for the firm's client overview). */
  summaryByClient(profileId: string): Promise<ClientSummary[]>;
  /**
   * Per client org of one profile, each period it has a received submission for, once: what the overview's deadline
   * check needs, without reading every record. `from` keeps the periods from it on, compared as text ('2025' takes in
   * the year 2025 and the months 2025-01…), so only the years a shown deadline can be for are read.
   */
  receivedPeriods(profileId: string, from?: string): Promise<ClientPeriod[]>;
  close(): Promise<void>;
}

/** One profile's outbox: the records and the exact bytes each sends. */
export interface SubmissionRepository {
  /** Returns once the payload is durable; written before its record (a payload alone is swept at the next load). */
  writePayload(id: string, payload: SubmissionPayload): Promise<void>;
  readPayload(id: string): Promise<SubmissionPayload>;
  /** Inserts or replaces the record; returns once it is durable. */
  write(submission: Submission): Promise<void>;
  /**
   * What the outbox does at start: every record of the profile, plus the ids of records that could not be read (set
   * aside, never dropped), and payloads without a record swept away.
   */
  load(): Promise<{ submissions: Submission[]; corrupt: string[] }>;
  /** Every record that reads, newest first, touching nothing (the outbox may be running in another process). */
  list(): Promise<Submission[]>;
  /** One client's submissions, newest first (the org a submission is for: `targetOrg`). */
  history(clientOrg: string, page?: { limit?: number; before?: string }): Promise<Submission[]>;
}

/**
 * A firm profile's clients, the clients Altinn's delegation list had that the firm's list lacks, and why the last
 * read of that list failed.
 */
export interface ClientRegistry {
  clients: FirmClient[];
  altinnOnly: AltinnOnlyClient[];
  lastSyncError: LocalizedText | null;
}

export interface ClientRepository {
  read(): Promise<ClientRegistry>;
  /** Replaces the profile's clients, Altinn's others and the sync error in one transaction. */
  replace(next: ClientRegistry): Promise<void>;
}

/** What the feedback sync remembers per profile (main/dialogporten/feedback-sync-state.ts) and what is unread. */
export interface FeedbackState {
  watermark: string | null;
  lastSyncAt: string | null;
  dialogs: Record<string, FeedbackDialog>;
  /** The parties the watermark covers (absent: every party, as before it was kept). */
  parties?: string[] | undefined;
}

export interface FeedbackStateRepository {
  load(): Promise<FeedbackState>;
  /** Writes what changed since the last load or save, in one transaction. */
  save(state: FeedbackState): Promise<void>;
  unread(): Promise<string[]>;
  addUnread(transmissionIds: readonly string[]): Promise<void>;
  markRead(transmissionIds: readonly string[]): Promise<void>;
}

/** Where each audit entry sits in the profile's log file (the file stays the tamper-evident record). */
export interface AuditIndexEntry {
  seq: number;
  event: string;
  at: string;
  submissionId: string | null;
}

export interface AuditIndexRepository {
  /** The last seq indexed (0: none), so the index can catch up with the log after a crash between the two. */
  lastSeq(): Promise<number>;
  add(entries: readonly AuditIndexEntry[]): Promise<void>;
  forSubmission(submissionId: string): Promise<AuditIndexEntry[]>;
  /** Forgets the index (a log that was cut or replaced is indexed again from its first line). */
  clear(): Promise<void>;
}

/** A period a client has a received submission for (`ReportedPeriod`, shared/outbox/submission.ts). */
export interface ClientPeriod extends ReportedPeriod {
  clientOrg: string;
}

/** One client's line in the firm's overview. */
export interface ClientSummary {
  clientOrg: string;
  queued: number;
  sending: number;
  failed: number;
  rejected: number;
  received: number;
  unreadFeedback: number;
  /** The dialogs with unread feedback: what the feedback list marks unread, and the overview counts. */
  unreadDialogs: number;
  /** The newest change to any of the client's submissions (ISO time), or null. */
  lastActivityAt: string | null;
}

/** The line of a client with nothing to count yet. */
export function emptyClientSummary(clientOrg: string): ClientSummary {
  return {
    clientOrg,
    queued: 0,
    sending: 0,
    failed: 0,
    rejected: 0,
    received: 0,
    unreadFeedback: 0,
    unreadDialogs: 0,
    lastActivityAt: null,
  };
}
