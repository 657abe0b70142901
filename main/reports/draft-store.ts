import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AMeldingCheckResult, Rf1086CheckResult } from '../../shared/reports/check-result';
import { DraftSchema, type Draft, type DraftListItem, type DraftSourceStatus } from '../../shared/reports/draft';
import { DEFAULT_MAX_REPORT_BYTES } from '../../shared/reports/xml/decode-report-bytes';
import { readRegularFile } from '../disk/read-regular-file';

export class DraftStoreError extends Error {
  constructor(
    readonly code: 'DRAFT_SOURCE_CHANGED' | 'DRAFT_INVALID_ID' | 'DRAFT_CORRUPT',
    message: string,
  ) {
    super(message);
  }
}

export interface SaveDraftOptions {
  /** Bytes already in memory (dropped files), by the name the check result gives as their path. */
  readonly dropped?: ReadonlyMap<string, Uint8Array>;
  /** A firm's draft for one of its clients (routed by org number). */
  readonly clientOrg?: string;
}

export interface DraftStore {
  /**
   * Saves a checked report; files read by path are read again and must still be what was checked, dropped
   * files are taken from `options.dropped` and must hash the same.
   */
  save(profileId: string, result: AMeldingCheckResult | Rf1086CheckResult, options?: SaveDraftOptions): Promise<Draft>;
  /** Replaces a draft's check result (after checking its stored bytes again); the files must be the same. */
  replaceResult(
    profileId: string,
    draftId: string,
    result: AMeldingCheckResult | Rf1086CheckResult,
  ): Promise<Draft | undefined>;
  list(profileId: string): Promise<DraftListItem[]>;
  get(profileId: string, draftId: string): Promise<Draft | undefined>;
  delete(profileId: string, draftId: string): Promise<boolean>;
  /** True when any source file read by path is gone or no longer has the content that was checked. */
  isSourceChanged(draft: Pick<Draft, 'files'>): Promise<boolean>;
  sourceStatus(draft: Pick<DraftListItem, 'files'>): Promise<DraftSourceStatus>;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Drafts as one JSON file each under `dir/<profileId>/`, written atomically (temp file + rename). */
/** `now` stamps savedAt: the app's clock, injected like every other (a draft saved "today" on a fixed clock). */
export function createDraftStore(dir: string, now: () => Date = () => new Date()): DraftStore {
  const profileDir = (profileId: string) => {
    if (!SAFE_ID.test(profileId)) throw new DraftStoreError('DRAFT_INVALID_ID', `Invalid profile id: ${profileId}`);
    return join(dir, profileId);
  };
  const draftPath = (profileId: string, draftId: string) => {
    if (!/^[0-9a-f]{32}$/.test(draftId)) throw new DraftStoreError('DRAFT_INVALID_ID', `Invalid draft id: ${draftId}`);
    return join(profileDir(profileId), `${draftId}.json`);
  };

  async function readDraft(path: string): Promise<Draft | undefined> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw thrown;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DraftStoreError('DRAFT_CORRUPT', `Draft ${path} is not valid JSON`);
    }
    const parsed = DraftSchema.safeParse(json);
    if (!parsed.success) throw new DraftStoreError('DRAFT_CORRUPT', `Draft ${path} does not match the draft schema`);
    return parsed.data;
  }

  /**
   * What `list` read, by file. A draft is only ever replaced whole (a temp file renamed over it), so the same inode,
   * size and modification time is the same draft: the overview's refetch stats 500 drafts instead of reading and
   * checking each (67–101 ms at 500 drafts).
   */
  const listed = new Map<string, { stamp: string; item: DraftListItem }>();

  async function listItemAt(path: string): Promise<DraftListItem | undefined> {
    let stamp: string;
    try {
      stamp = stampOf(await stat(path));
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw thrown;
    }
    const known = listed.get(path);
    if (known?.stamp === stamp) return known.item;
    const draft = await readDraft(path);
    if (!draft) return undefined;
    return remember(path, stamp, draft);
  }

  function remember(path: string, stamp: string, { files, ...rest }: Draft): DraftListItem {
    const item = { ...rest, files: files.map(({ contentBase64: _content, ...file }) => file) };
    listed.set(path, { stamp, item });
    return item;
  }

  const stampOf = (info: { ino: number; size: number; mtimeMs: number }) => `${info.ino}:${info.size}:${info.mtimeMs}`;

  async function writeDraft(draft: Draft): Promise<void> {
    const folder = profileDir(draft.profileId);
    await mkdir(folder, { recursive: true });
    const target = join(folder, `${draft.id}.json`);
    const temp = `${target}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(draft), { mode: 0o600 });
    await rename(temp, target);
    // Known as written, so the next list need not read it back.
    remember(target, stampOf(await stat(target)), draft);
  }

  return {
    async save(profileId, result, options = {}) {
      profileDir(profileId);
      const files = await Promise.all(
        result.files.map(async (info) => {
          const droppedBytes = options.dropped?.get(info.path);
          const bytes = droppedBytes ?? (await sourceBytes(info.path));
          if (!bytes || sha256(bytes) !== info.sha256) {
            throw new DraftStoreError(
              'DRAFT_SOURCE_CHANGED',
              `${info.path} has changed since it was checked; check it again.`,
            );
          }
          return {
            sourcePath: info.path,
            origin: droppedBytes ? ('dropped' as const) : ('path' as const),
            sha256: info.sha256,
            size: bytes.byteLength,
            contentBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
          };
        }),
      );
      const draft: Draft = DraftSchema.parse({
        id: randomUUID().replace(/-/g, ''),
        profileId,
        ...(options.clientOrg ? { clientOrg: options.clientOrg } : {}),
        kind: result.kind,
        savedAt: now().toISOString(),
        checkedAt: result.checkedAt,
        files,
        result,
      });
      await writeDraft(draft);
      return draft;
    },

    async replaceResult(profileId, draftId, result) {
      const draft = await readDraft(draftPath(profileId, draftId));
      if (!draft) return undefined;
      const same =
        draft.kind === result.kind &&
        draft.files.length === result.files.length &&
        draft.files.every((f, i) => f.sha256 === result.files[i]?.sha256);
      if (!same) {
        throw new DraftStoreError('DRAFT_SOURCE_CHANGED', `The new result for draft ${draftId} is for other files.`);
      }
      const next = DraftSchema.parse({ ...draft, checkedAt: result.checkedAt, result });
      await writeDraft(next);
      return next;
    },

    async list(profileId) {
      const folder = profileDir(profileId);
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (thrown) {
        if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw thrown;
      }
      const paths = names.filter((n) => /^[0-9a-f]{32}\.json$/.test(n)).map((n) => join(folder, n));
      for (const path of listed.keys()) if (dirname(path) === folder && !paths.includes(path)) listed.delete(path);
      const items = await Promise.all(paths.map(listItemAt));
      return items
        .filter((d): d is DraftListItem => d !== undefined)
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },

    get(profileId, draftId) {
      return readDraft(draftPath(profileId, draftId));
    },

    async delete(profileId, draftId) {
      const path = draftPath(profileId, draftId);
      const existed = (await readDraft(path)) !== undefined;
      await rm(path, { force: true });
      return existed;
    },

    async isSourceChanged(draft) {
      const status = await sourceStatus(draft);
      return status === 'changed' || status === 'missing';
    },

    sourceStatus,
  };
}

async function sourceStatus(draft: Pick<DraftListItem, 'files'>): Promise<DraftSourceStatus> {
  const tracked = draft.files.filter((f) => f.origin !== 'dropped');
  if (tracked.length === 0) return 'not-tracked';
  let status: DraftSourceStatus = 'unchanged';
  for (const file of tracked) {
    const bytes = await sourceBytes(file.sourcePath);
    if (!bytes) return 'missing';
    if (sha256(bytes) !== file.sha256) status = 'changed';
  }
  return status;
}

/**
 * The checked file as it is now, through the one file reader: a path that has become a FIFO or a device since is
 * not opened (listing drafts must never hang), and one grown past the report ceiling cannot be the checked one.
 */
async function sourceBytes(path: string): Promise<Uint8Array | undefined> {
  const read = await readRegularFile(path, DEFAULT_MAX_REPORT_BYTES);
  return read.ok ? read.bytes : undefined;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
