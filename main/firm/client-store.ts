import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import { FirmClientSchema } from '../../shared/domain/firm';
import { LocalizedTextSchema } from '../../shared/domain/localized';

/** A firm profile's clients (`profiles/<id>/clients.json`): the records background work iterates over. */
export const ClientFileSchema = z.object({
  schemaVersion: z.literal(1),
  clients: z.array(FirmClientSchema),
  /** Why the last read of Altinn's delegation list failed; cleared by the next good read. */
  lastSyncError: LocalizedTextSchema.nullable().default(null),
});
export type ClientFile = z.infer<typeof ClientFileSchema>;

export class ClientStore {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(profileDir: string) {
    this.path = join(profileDir, 'clients.json');
  }

  async read(): Promise<ClientFile> {
    try {
      return ClientFileSchema.parse(JSON.parse(await readFile(this.path, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { schemaVersion: 1, clients: [], lastSyncError: null };
      throw error;
    }
  }

  /** One change at a time, written atomically: a sync and a click never overwrite each other. */
  update(change: (file: ClientFile) => ClientFile): Promise<ClientFile> {
    const run = async () => {
      const next = ClientFileSchema.parse(change(await this.read()));
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      return next;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
