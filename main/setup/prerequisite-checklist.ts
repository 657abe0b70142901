import { readFile } from 'node:fs/promises';
import { requireActiveProfile } from './active-profile';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/domain/app-error';
import type { Profile } from '../../shared/domain/profile';
import {
  PrerequisiteIdSchema,
  checklistEnvironmentOf,
  type ChecklistEnvironment,
  type PrerequisiteChecklist,
  type PrerequisiteTick,
} from '../../shared/domain/prerequisites';
import { writeFileAtomic } from '../disk/atomic-write';
import type { EndpointResolver } from '../environments/resolve';
import type { ProfileService } from '../settings/profiles';
import { profileDir } from './setup-state';

/**
 * What the user has ticked as done of the setup prerequisites, per profile and per environment
 * (`<data>/profiles/<id>/prerequisites.json`), since a profile moved from test to production starts over there.
 */
const TicksSchema = z.object({
  schemaVersion: z.literal(1),
  done: z.object({
    test: z.partialRecord(PrerequisiteIdSchema, z.iso.datetime()).default({}),
    production: z.partialRecord(PrerequisiteIdSchema, z.iso.datetime()).default({}),
  }),
});
type Ticks = z.infer<typeof TicksSchema>;

const EMPTY: Ticks = { schemaVersion: 1, done: { test: {}, production: {} } };

export interface PrerequisiteChecklistOptions {
  dataDir: string;
  profiles: ProfileService;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  now?: () => Date;
}

export class PrerequisiteChecklistService {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly options: PrerequisiteChecklistOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async checklist(): Promise<PrerequisiteChecklist> {
    const profile = this.activeProfile();
    const environment = await this.environmentOf(profile);
    if (environment === 'sandbox') return { environment, done: [] };
    return view(environment, await this.read(profile));
  }

  /** Ticks or unticks one prerequisite for the active profile's environment; the sandbox has none to tick. */
  async tick({ id, done }: PrerequisiteTick): Promise<PrerequisiteChecklist> {
    const profile = this.activeProfile();
    const environment = await this.environmentOf(profile);
    if (environment === 'sandbox') {
      throw new AppError('PREREQUISITES_NOT_IN_SANDBOX', {
        nb: 'Sandkassen trenger ingen av forutsetningene; det er ingenting å krysse av.',
        en: 'The sandbox needs none of the prerequisites; there is nothing to tick.',
      });
    }
    const run = async () => {
      const ticks = await this.read(profile);
      const forEnvironment = { ...ticks.done[environment] };
      if (done) forEnvironment[id] = this.now().toISOString();
      else delete forEnvironment[id];
      const next = TicksSchema.parse({ ...ticks, done: { ...ticks.done, [environment]: forEnvironment } });
      await writeFileAtomic(this.path(profile), `${JSON.stringify(next, null, 2)}\n`);
      return view(environment, next);
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async environmentOf(profile: Profile): Promise<ChecklistEnvironment | 'sandbox'> {
    if (profile.environment !== 'custom') return profile.environment;
    // A custom environment follows the Maskinporten its file names.
    return checklistEnvironmentOf((await this.options.endpoints.forProfile(profile)).maskinporten.issuer);
  }

  private path(profile: Profile): string {
    return join(profileDir(this.options.dataDir, profile.id), 'prerequisites.json');
  }

  private async read(profile: Profile): Promise<Ticks> {
    try {
      return TicksSchema.parse(JSON.parse(await readFile(this.path(profile), 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
      throw error;
    }
  }

  private activeProfile(): Profile {
    return requireActiveProfile(this.options.profiles);
  }
}

function view(environment: ChecklistEnvironment, ticks: Ticks): PrerequisiteChecklist {
  const done = Object.entries(ticks.done[environment]).map(([id, at]) => ({ id: PrerequisiteIdSchema.parse(id), at }));
  return { environment, done };
}
