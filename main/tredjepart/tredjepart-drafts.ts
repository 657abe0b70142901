import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TredjepartDraftSchema, type TredjepartDraft } from '../../shared/tredjepart/tredjepart-views';

/** On disk a draft also holds the exact JSON that was checked and will be sent. */
const StoredDraftSchema = TredjepartDraftSchema.extend({ body: z.string() });
export type StoredTredjepartDraft = z.infer<typeof StoredDraftSchema>;

const SAFE_PROFILE = /^[A-Za-z0-9_-]{1,100}$/;
const DRAFT_ID = /^[0-9a-f]{32}$/;

/**
 * Checked tredjepart meldinger kept per profile (`<data>/tredjepart/<profile id>/<draft id>.json`), one file each,
 * written atomically. Kept apart from the Reports drafts: their schema is the XML reports' (files, XSD results),
 * and a tredjepart draft is one JSON body with its scheme.
 */
export class TredjepartDraftStore {
  constructor(private readonly dir: string) {}

  private folder(profileId: string): string {
    if (!SAFE_PROFILE.test(profileId)) throw new Error(`Invalid profile id: ${profileId}`);
    return join(this.dir, profileId);
  }

  async save(draft: Omit<StoredTredjepartDraft, 'id' | 'savedAt'>, now: Date): Promise<StoredTredjepartDraft> {
    const stored = StoredDraftSchema.parse({
      ...draft,
      id: randomUUID().replace(/-/g, ''),
      savedAt: now.toISOString(),
    });
    const folder = this.folder(stored.profileId);
    await mkdir(folder, { recursive: true });
    const target = join(folder, `${stored.id}.json`);
    const temp = `${target}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(stored), { mode: 0o600 });
    await rename(temp, target);
    return stored;
  }

  async get(profileId: string, id: string): Promise<StoredTredjepartDraft | undefined> {
    if (!DRAFT_ID.test(id)) return undefined;
    try {
      return StoredDraftSchema.parse(JSON.parse(await readFile(join(this.folder(profileId), `${id}.json`), 'utf8')));
    } catch {
      return undefined;
    }
  }

  async list(profileId: string): Promise<TredjepartDraft[]> {
    const names = await readdir(this.folder(profileId)).catch(() => [] as string[]);
    const drafts: TredjepartDraft[] = [];
    for (const name of names) {
      const id = /^([0-9a-f]{32})\.json$/.exec(name)?.[1];
      const draft = id ? await this.get(profileId, id) : undefined;
      if (draft) {
        const { body: _body, ...view } = draft;
        drafts.push(view);
      }
    }
    return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async delete(profileId: string, id: string): Promise<boolean> {
    const existed = (await this.get(profileId, id)) !== undefined;
    if (existed) await rm(join(this.folder(profileId), `${id}.json`), { force: true });
    return existed;
  }
}
