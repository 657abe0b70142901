import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import {
  ChangeRequestStatusSchema,
  AccessPackageNameSchema,
  ConnectionTestSchema,
  GrantKindSchema,
  RequestStatusSchema,
  ServiceIdSchema,
} from '../../shared/domain/setup';

/**
 * Where a profile stands in the setup, kept beside its key metadata so the wizard resumes after a restart. Only
 * public facts: ids, statuses, the confirmUrl, a token's claims. Keys live in the keychain, tokens only in memory.
 */
export const SetupStateSchema = z.object({
  schemaVersion: z.literal(1),
  client: z
    .object({ clientId: z.string(), via: z.enum(['sandbox', 'manual']), updatedAt: z.iso.datetime() })
    .optional(),
  services: z.array(ServiceIdSchema).default([]),
  system: z
    .object({
      systemId: z.string(),
      clientId: z.string(),
      services: z.array(ServiceIdSchema),
      /** Absent in setups saved before the choice existed: single rights. */
      grant: GrantKindSchema.optional(),
      /** The access packages (names) registered on the system: a firm's client packages, or a business's own. */
      accessPackages: z.array(AccessPackageNameSchema).optional(),
      registeredAt: z.iso.datetime(),
    })
    .optional(),
  request: z
    .object({
      id: z.string().nullable(),
      /** `agent`: a firm's systembruker for its clients (altinn-auth.md §5.4); absent in old setups: standard. */
      kind: z.enum(['standard', 'agent']).optional(),
      /** The systembruker Altinn made on approval, once read from the vendor's system user list (§5.5). */
      systemUserId: z.string().optional(),
      ownerOrgNumber: z.string(),
      externalRef: z.string(),
      status: RequestStatusSchema,
      /** As Altinn gave it; re-read before it is opened, since the sandbox's port changes between runs. */
      confirmUrl: z.string().nullable(),
      createdAt: z.iso.datetime(),
      checkedAt: z.iso.datetime(),
    })
    .optional(),
  lastTest: ConnectionTestSchema.optional(),
  /** Adding or removing services on the approved system user (altinn-auth.md §5.6); kept after a decision to show it. */
  changeRequest: z
    .object({
      id: z.string(),
      systemUserId: z.string(),
      /** The services before the change, and what the system user is to have after it. */
      from: z.array(ServiceIdSchema),
      to: z.array(ServiceIdSchema),
      status: ChangeRequestStatusSchema,
      confirmUrl: z.string().nullable(),
      createdAt: z.iso.datetime(),
      checkedAt: z.iso.datetime(),
    })
    .optional(),
});
export type SetupState = z.infer<typeof SetupStateSchema>;

export const SETUP_STATE_FILE = 'setup.json';

/** The folder a profile's setup files live in: `<data>/profiles/<id>/` (key metadata and setup.json). */
export function profileDir(dataDir: string, profileId: string): string {
  return join(dataDir, 'profiles', profileId);
}

/** One profile's setup.json, changed one writer at a time and written atomically. */
export class SetupStateFile {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    this.path = join(dir, SETUP_STATE_FILE);
  }

  async read(): Promise<SetupState> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 1, services: [] };
      throw error;
    }
    return SetupStateSchema.parse(JSON.parse(raw));
  }

  /** Reads, changes and writes under one lock, so a status poll and a click never overwrite each other. */
  update(change: (state: SetupState) => SetupState | Promise<SetupState>): Promise<SetupState> {
    const run = async () => {
      const next = SetupStateSchema.parse(await change(await this.read()));
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      return next;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
