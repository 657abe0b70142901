import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AltinnOnlyClientSchema, FirmClientSchema } from '../../../shared/domain/firm';
import { LocalizedTextSchema } from '../../../shared/domain/localized';
import type { ClientRepository } from '../store';

const AltinnOnlyListSchema = z.array(AltinnOnlyClientSchema);

/** A firm profile's clients: one row per client (org number as a column), in the order they were kept. */
export function sqliteClients(db: Database.Database, profileId: string): ClientRepository {
  const selectClients = db.prepare<[string], { record: string }>(
    'SELECT record FROM clients WHERE profile_id = ? ORDER BY position',
  );
  const selectRegistry = db.prepare<[string], { last_sync_error: string | null; altinn_only: string | null }>(
    'SELECT last_sync_error, altinn_only FROM client_registries WHERE profile_id = ?',
  );
  const deleteClients = db.prepare('DELETE FROM clients WHERE profile_id = ?');
  const insertClient = db.prepare('INSERT INTO clients (profile_id, org, position, record) VALUES (?, ?, ?, ?)');
  const upsertRegistry = db.prepare(
    `INSERT INTO client_registries (profile_id, last_sync_error, altinn_only) VALUES (?, ?, ?)
     ON CONFLICT (profile_id) DO UPDATE SET last_sync_error = excluded.last_sync_error,
                                            altinn_only = excluded.altinn_only`,
  );

  const replace = db.transaction((next: Parameters<ClientRepository['replace']>[0]) => {
    deleteClients.run(profileId);
    next.clients.forEach((client, position) =>
      insertClient.run(profileId, client.orgNumber, position, JSON.stringify(client)),
    );
    upsertRegistry.run(
      profileId,
      next.lastSyncError ? JSON.stringify(next.lastSyncError) : null,
      JSON.stringify(next.altinnOnly),
    );
  });

  return {
    async read() {
      const clients = selectClients.all(profileId).map((row) => FirmClientSchema.parse(JSON.parse(row.record)));
      const registry = selectRegistry.get(profileId);
      const lastSyncError = registry?.last_sync_error
        ? LocalizedTextSchema.parse(JSON.parse(registry.last_sync_error))
        : null;
      const altinnOnly = registry?.altinn_only ? AltinnOnlyListSchema.parse(JSON.parse(registry.altinn_only)) : [];
      return { clients, altinnOnly, lastSyncError };
    },
    async replace(next) {
      replace(next);
    },
  };
}
