import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FeedbackSyncStateSchema } from '../dialogporten/feedback-sync-state';
import { ClientFileSchema } from '../firm/client-store';
import {
  PayloadSchema,
  SubmissionSchema,
  type Submission,
  type SubmissionPayload,
} from '../../shared/outbox/submission';
import type { ClientRegistry, FeedbackState } from './store';

/**
 * The data dir as Innsender kept it before the database: a JSON file per submission and payload
 * (`profiles/<id>/outbox/{submissions,payloads}/<uuid>.json`), `profiles/<id>/clients.json`, and
 * `feedback/<id>/{sync-state,read-state}.json`. Read synchronously, because it is read once, inside the
 * database's opening, to be imported in one transaction; then each file or folder is moved aside (never deleted).
 */
export interface LegacyProfile {
  profileId: string;
  submissions: { submission: Submission; payload: SubmissionPayload | null }[];
  clients: ClientRegistry | null;
  feedback: FeedbackState | null;
  unread: string[] | null;
}

export interface LegacyLayout {
  profiles: LegacyProfile[];
  /** What is moved aside once imported: each path and its new name. */
  moves: { from: string; to: string }[];
  /** Files that did not read as what they should be: moved aside with the rest, and named in the log. */
  unreadable: string[];
}

export const SET_ASIDE_SUFFIX = '.pre-database';

/** `feedback/<id>/read-state.json`, the unread marks before the database (only read here now). */
const ReadStateSchema = z.object({ version: z.literal(1), unread: z.array(z.string()) });
const RECORD = /^[0-9a-f-]{36}\.json$/;

export function readLegacyLayout(dataDir: string): LegacyLayout {
  const layout: LegacyLayout = { profiles: [], moves: [], unreadable: [] };
  const byId = new Map<string, LegacyProfile>();
  const profile = (profileId: string) => {
    let found = byId.get(profileId);
    if (!found) {
      found = { profileId, submissions: [], clients: null, feedback: null, unread: null };
      byId.set(profileId, found);
      layout.profiles.push(found);
    }
    return found;
  };
  const read = <T>(path: string, schema: z.ZodType<T>): T | null => {
    try {
      return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      layout.unreadable.push(path);
      return null;
    }
  };
  const moveAside = (path: string) => layout.moves.push({ from: path, to: `${path}${SET_ASIDE_SUFFIX}` });

  for (const profileId of folders(join(dataDir, 'profiles'))) {
    const dir = join(dataDir, 'profiles', profileId);
    const outbox = join(dir, 'outbox');
    if (existsSync(outbox)) {
      const target = profile(profileId);
      for (const name of files(join(outbox, 'submissions')).filter((n) => RECORD.test(n))) {
        const submission = read(join(outbox, 'submissions', name), SubmissionSchema);
        if (!submission) continue;
        const payloadFile = join(outbox, 'payloads', name);
        const payload = existsSync(payloadFile) ? read(payloadFile, PayloadSchema) : null;
        target.submissions.push({ submission, payload });
      }
      moveAside(outbox);
    }
    const clientsFile = join(dir, 'clients.json');
    if (existsSync(clientsFile)) {
      const file = read(clientsFile, ClientFileSchema);
      if (file)
        profile(profileId).clients = {
          clients: file.clients,
          altinnOnly: file.altinnOnly,
          lastSyncError: file.lastSyncError,
        };
      moveAside(clientsFile);
    }
  }
  for (const profileId of folders(join(dataDir, 'feedback'))) {
    const dir = join(dataDir, 'feedback', profileId);
    const syncFile = join(dir, 'sync-state.json');
    if (existsSync(syncFile)) {
      const state = read(syncFile, FeedbackSyncStateSchema);
      if (state) {
        profile(profileId).feedback = {
          watermark: state.watermark,
          lastSyncAt: state.lastSyncAt,
          dialogs: state.dialogs,
        };
      }
      moveAside(syncFile);
    }
    const readFile = join(dir, 'read-state.json');
    if (existsSync(readFile)) {
      const state = read(readFile, ReadStateSchema);
      if (state) profile(profileId).unread = state.unread;
      moveAside(readFile);
    }
  }
  return layout;
}

/**
 * After the import has committed: a crash between two renames leaves the rest to the next start's import. A name
 * already taken (old files put back after an import) gets a number, so nothing set aside is ever replaced.
 */
export function moveLegacyAside(layout: LegacyLayout): void {
  for (const { from, to } of layout.moves) {
    let free = to;
    for (let n = 2; existsSync(free); n++) free = `${to}-${n}`;
    renameSync(from, free);
  }
}

function folders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function files(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
