import { z } from 'zod';
import { AltinnOnlyClientSchema, FirmClientSchema } from '../../shared/domain/firm';
import { LocalizedTextSchema } from '../../shared/domain/localized';
import type { ClientRepository } from '../store/store';

/** A firm profile's clients: the records background work iterates over (kept in the data dir's store). */
export const ClientFileSchema = z.object({
  schemaVersion: z.literal(1),
  clients: z.array(FirmClientSchema),
  /** Delegated in Altinn at its last good read, not in `clients` (a file from before this field has none). */
  altinnOnly: z.array(AltinnOnlyClientSchema).default([]),
  /** Why the last read of Altinn's delegation list failed; cleared by the next good read. */
  lastSyncError: LocalizedTextSchema.nullable().default(null),
});
export type ClientFile = z.infer<typeof ClientFileSchema>;

export class ClientStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly repository: ClientRepository) {}

  async read(): Promise<ClientFile> {
    const { clients, altinnOnly, lastSyncError } = await this.repository.read();
    return { schemaVersion: 1, clients, altinnOnly, lastSyncError };
  }

  /** One change at a time, each in one transaction: a sync and a click never overwrite each other. */
  update(change: (file: ClientFile) => ClientFile): Promise<ClientFile> {
    const run = async () => {
      const next = ClientFileSchema.parse(change(await this.read()));
      const { clients, altinnOnly, lastSyncError } = next;
      await this.repository.replace({ clients, altinnOnly, lastSyncError });
      return next;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
