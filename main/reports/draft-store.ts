import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AMeldingCheckResult, Rf1086CheckResult } from '../../shared/reports/check-result';
import { DraftSchema, type Draft, type DraftListItem } from '../../shared/reports/draft';

export class DraftStoreError extends Error {
  constructor(
    readonly code: 'DRAFT_SOURCE_CHANGED' | 'DRAFT_INVALID_ID' | 'DRAFT_CORRUPT',
    message: string,
  ) {
    super(message);
  }
}

export interface DraftStore {
  /** Saves a checked report; the source files are read again and must still be what was checked. */
  save(profileId: string, result: AMeldingCheckResult | Rf1086CheckResult): Promise<Draft>;
  list(profileId: string): Promise<DraftListItem[]>;
  get(profileId: string, draftId: string): Promise<Draft | undefined>;
  delete(profileId: string, draftId: string): Promise<boolean>;
  /** True when any source file is gone or no longer has the content that was checked. */
  isSourceChanged(draft: Pick<Draft, 'files'>): Promise<boolean>;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Drafts as one JSON file each under `dir/<profileId>/`, written atomically (temp file + rename). */
export function createDraftStore(dir: string): DraftStore {
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
    const parsed = DraftSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new DraftStoreError('DRAFT_CORRUPT', `Draft ${path} does not match the draft schema`);
    return parsed.data;
  }

  return {
    async save(profileId, result) {
      const folder = profileDir(profileId);
      const files = await Promise.all(
        result.files.map(async (info) => {
          const bytes = await readFile(info.path).catch(() => undefined);
          if (!bytes || sha256(bytes) !== info.sha256) {
            throw new DraftStoreError(
              'DRAFT_SOURCE_CHANGED',
              `${info.path} has changed since it was checked; check it again.`,
            );
          }
          return {
            sourcePath: info.path,
            sha256: info.sha256,
            size: bytes.byteLength,
            contentBase64: bytes.toString('base64'),
          };
        }),
      );
      const draft: Draft = DraftSchema.parse({
        id: randomUUID().replace(/-/g, ''),
        profileId,
        kind: result.kind,
        savedAt: new Date().toISOString(),
        checkedAt: result.checkedAt,
        files,
        result,
      });
      await mkdir(folder, { recursive: true });
      const target = join(folder, `${draft.id}.json`);
      const temp = `${target}.${randomUUID()}.tmp`;
      await writeFile(temp, JSON.stringify(draft), { mode: 0o600 });
      await rename(temp, target);
      return draft;
    },

    async list(profileId) {
      let names: string[];
      try {
        names = await readdir(profileDir(profileId));
      } catch (thrown) {
        if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw thrown;
      }
      const drafts = await Promise.all(
        names.filter((n) => /^[0-9a-f]{32}\.json$/.test(n)).map((n) => readDraft(join(profileDir(profileId), n))),
      );
      return drafts
        .filter((d): d is Draft => d !== undefined)
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
        .map(({ files, ...rest }) => ({ ...rest, files: files.map(({ contentBase64: _content, ...file }) => file) }));
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
      for (const file of draft.files) {
        const bytes = await readFile(file.sourcePath).catch(() => undefined);
        if (!bytes || sha256(bytes) !== file.sha256) return true;
      }
      return false;
    },
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
