import { randomUUID } from 'node:crypto';
import {
  NewProfileSchema,
  type CustomHostsConfirmation,
  type NewProfile,
  type Profile,
} from '../../shared/domain/profile';
import { AppError } from '../../shared/domain/app-error';
import type { SettingsStore } from './settings-store';

export interface ProfilesState {
  profiles: Profile[];
  activeProfileId: string | null;
}

/** A change to a profile; a new custom file replaces the file and its confirmation together. */
export interface ProfileUpdate {
  id: string;
  displayName?: string | undefined;
  environment?: Profile['environment'] | undefined;
  customEnvironmentFile?: string | undefined;
  customHostsConfirmed?: CustomHostsConfirmation | undefined;
}

/** The profile the settings name as active, if any (also read without the app: `main/cli/validate-data.ts`). */
export function activeProfileOf({ profiles, activeProfileId }: ProfilesState): Profile | null {
  return profiles.find((p) => p.id === activeProfileId) ?? null;
}

/** The organisations the user acts for. The first one created becomes active. */
export class ProfileService {
  constructor(
    private readonly store: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  state(): ProfilesState {
    const { profiles, activeProfileId } = this.store.read();
    return { profiles, activeProfileId };
  }

  active(): Profile | null {
    return activeProfileOf(this.store.read());
  }

  create(input: NewProfile): Profile {
    const parsed = NewProfileSchema.safeParse(input);
    if (!parsed.success) {
      throw new AppError(
        'PROFILE_INVALID',
        { nb: 'Profilen har ugyldige felt.', en: 'The profile has invalid fields.' },
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }
    const data = parsed.data;
    const existing = this.store
      .read()
      .profiles.find((p) => p.orgNumber === data.orgNumber && p.environment === data.environment);
    if (existing) {
      throw new AppError('PROFILE_DUPLICATE', {
        nb: `Det finnes allerede en profil for ${data.orgNumber} i miljøet ${data.environment} («${existing.displayName}»).`,
        en: `A profile for ${data.orgNumber} in the ${data.environment} environment already exists ("${existing.displayName}").`,
      });
    }
    const profile: Profile = {
      id: randomUUID(),
      orgNumber: data.orgNumber,
      displayName: data.displayName,
      environment: data.environment,
      ...(data.kind === 'firm' ? { kind: 'firm' as const } : {}),
      ...(data.reportsOrgNumber ? { reportsOrgNumber: data.reportsOrgNumber } : {}),
      ...(data.environment === 'custom' && data.customEnvironmentFile
        ? { customEnvironmentFile: data.customEnvironmentFile }
        : {}),
      ...(data.environment === 'custom' && data.customHostsConfirmed
        ? { customHostsConfirmed: data.customHostsConfirmed }
        : {}),
      createdAt: this.now().toISOString(),
    };
    this.store.update((s) => ({
      ...s,
      profiles: [...s.profiles, profile],
      activeProfileId: s.activeProfileId ?? profile.id,
    }));
    return profile;
  }

  update(change: ProfileUpdate): Profile {
    const current = this.require(change.id);
    const { customHostsConfirmed: _previous, ...kept } = current;
    const next: Profile = {
      ...(change.customEnvironmentFile !== undefined ? kept : current),
      ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
      ...(change.environment !== undefined ? { environment: change.environment } : {}),
      ...(change.customEnvironmentFile !== undefined ? { customEnvironmentFile: change.customEnvironmentFile } : {}),
      ...(change.customHostsConfirmed !== undefined ? { customHostsConfirmed: change.customHostsConfirmed } : {}),
    };
    if (next.environment === 'custom' && !next.customEnvironmentFile) {
      throw new AppError('PROFILE_INVALID', {
        nb: 'Et egendefinert miljø trenger en fil med adressene.',
        en: 'A custom environment needs a file with its URLs.',
      });
    }
    this.store.update((s) => ({ ...s, profiles: s.profiles.map((p) => (p.id === next.id ? next : p)) }));
    return next;
  }

  /** Records the user's confirmation of a custom environment's non-standard hosts (kept with the time). */
  confirmHosts(id: string, confirmation: CustomHostsConfirmation): Profile {
    return this.update({ id, customHostsConfirmed: confirmation });
  }

  remove(id: string): ProfilesState {
    this.require(id);
    this.store.update((s) => {
      const profiles = s.profiles.filter((p) => p.id !== id);
      const activeProfileId = s.activeProfileId === id ? (profiles[0]?.id ?? null) : s.activeProfileId;
      return { ...s, profiles, activeProfileId };
    });
    return this.state();
  }

  activate(id: string): ProfilesState {
    this.require(id);
    this.store.update((s) => ({ ...s, activeProfileId: id }));
    return this.state();
  }

  private require(id: string): Profile {
    const profile = this.store.read().profiles.find((p) => p.id === id);
    if (!profile) {
      throw new AppError('PROFILE_NOT_FOUND', {
        nb: 'Fant ikke profilen. Den kan være slettet i et annet vindu.',
        en: 'Profile not found. It may have been removed in another window.',
      });
    }
    return profile;
  }
}
