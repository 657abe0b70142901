import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import { serviceById, type ServiceId } from '../../shared/domain/services-catalogue';
import { grantChange, grantForSystem } from './system-grant';
import type { AltinnHttp } from '../altinn/altinn-http';
import { SystemRegisterClient, systemRegistrationFor } from '../altinn/system-register';
import {
  SystemUserChangeRequestClient,
  systemUserGone,
  type ChangeRequest,
} from '../altinn/system-user-change-requests';
import { listSystemUsers } from '../altinn/system-users';
import type { DesktopPort } from '../desktop-port';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import { openApprovalPage } from './open-approval-page';
import { RequestWatcher } from './request-watcher';
import type { SetupState, SetupStateFile } from './setup-state';
import { requestOutcomeWords } from '../../shared/domain/altinn-request-status';
import type { EndpointResolver } from '../environments/resolve';

/** What the service change needs from the setup: a profile's setup file and an Altinn client with its token. */
export interface AltinnContext {
  profile: Profile;
  state: SetupStateFile;
  clientId: string;
  http: AltinnHttp;
}

export interface ServiceChangeOptions {
  context: (profile?: Profile) => Promise<AltinnContext>;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  desktop: DesktopPort;
  events: EventHub;
  log: Logger;
  now: () => Date;
  pollIntervalMs: number;
  language?: () => Language;
}

type StoredChange = NonNullable<SetupState['changeRequest']>;

/**
 * Adding or removing services once the systembruker is approved, without a new one (altinn-auth.md §7 step 7):
 * the system in the register is updated to offer the new rights, a change request asks the owner, and on Accepted
 * the setup's services (and so the token's scopes) become the new set. The system keeps the old rights too until
 * the owner has decided, so a rejection leaves everything working as before.
 */
export class ServiceChange {
  private readonly watcher: RequestWatcher;

  constructor(private readonly options: ServiceChangeOptions) {
    this.watcher = new RequestWatcher({
      intervalMs: options.pollIntervalMs,
      maxWatchMs: 30 * 60_000,
      onError: (profileId, error) => options.log.warn('change request status poll failed', { profileId, error }),
    });
  }

  isWatching(profileId: string): boolean {
    return this.watcher.isWatching(profileId);
  }

  dispose(): void {
    this.watcher.stopAll();
  }

  /** Resumes watching a change still waiting for the owner (after a restart). */
  resume(profile: Profile, state: SetupState): void {
    if (state.changeRequest?.status === 'New') this.watch(profile);
  }

  async request(services: ServiceId[]): Promise<void> {
    const ctx = await this.options.context();
    const current = await ctx.state.read();
    const system = current.system;
    if (current.request?.status !== 'Accepted' || !system || system.clientId !== ctx.clientId) {
      throw new AppError('SETUP_NO_SYSTEM_USER', {
        nb: 'Tjenester legges til eller fjernes på en godkjent systembruker. Fullfør oppsettet først (steg 3 og 4).',
        en: 'Services are added to or removed from an approved system user. Finish the setup first (steps 3 and 4).',
      });
    }
    if (current.changeRequest?.status === 'New') {
      throw new AppError('SETUP_CHANGE_PENDING', {
        nb: 'En endring venter allerede på eieren. Vent på svaret, eller fjern den først.',
        en: 'A change is already waiting for the owner. Wait for the answer, or remove it first.',
      });
    }
    const from = system.services;
    const to = [...new Set(services)];
    const added = to.filter((s) => !from.includes(s));
    const removed = from.filter((s) => !to.includes(s));
    if (added.length === 0 && removed.length === 0) {
      throw new AppError('SETUP_NO_CHANGE', {
        nb: 'Tjenestene er de samme som systembrukeren har. Velg en å legge til eller fjerne.',
        en: 'The services are the ones the system user has. Choose one to add or remove.',
      });
    }
    // The system must offer a right before a change can ask for it; the old ones stay until the owner decides.
    await this.registerSystem(ctx, [...new Set([...from, ...to])]);
    const owner = current.request.ownerOrgNumber;
    const users = await listSystemUsers(ctx.http, system.systemId);
    const user = users.find(
      (u) => !u.isDeleted && u.reporteeOrgNo === owner && (u.externalRef ?? owner) === current.request?.externalRef,
    );
    if (!user) {
      throw systemUserGone([system.systemId, owner]);
    }
    const created = await new SystemUserChangeRequestClient(ctx.http).create({
      systemUserId: user.id,
      correlationId: randomUUID(),
      // Rights or access packages, as the system was registered with (a firm's client packages).
      ...grantChange(grantForSystem(ctx.profile, system, from), grantForSystem(ctx.profile, system, to)),
    });
    const at = this.options.now().toISOString();
    const next = await ctx.state.update((s) => ({
      ...s,
      changeRequest: {
        id: created.request.id,
        systemUserId: user.id,
        from,
        to,
        status: created.request.status,
        confirmUrl: created.request.confirmUrl ?? null,
        createdAt: at,
        checkedAt: at,
      },
    }));
    this.options.log.info('service change requested', { id: created.request.id, added, removed });
    if (created.request.status === 'New') this.watch(ctx.profile);
    else await this.settle(ctx, next.changeRequest as StoredChange, created.request.status);
  }

  /** Opens Altinn's approval page for the change, re-read from Altinn first (the sandbox's port may have moved). */
  async openApproval(): Promise<void> {
    const ctx = await this.options.context();
    const fresh = await this.refreshWith(ctx);
    const url = fresh?.status === 'New' ? fresh.confirmUrl : null;
    if (!url) {
      throw new AppError('SETUP_CHANGE_MISSING', {
        nb: 'Det finnes ingen endring som venter på godkjenning.',
        en: 'There is no change waiting for approval.',
      });
    }
    await openApprovalPage(url, this.options);
    this.watch(ctx.profile);
  }

  async refresh(): Promise<void> {
    const ctx = await this.options.context();
    const fresh = await this.refreshWith(ctx);
    if (fresh?.status === 'New') this.watch(ctx.profile);
  }

  /** Withdraws a change still waiting (deleted in Altinn), or clears a decided one from the page. */
  async discard(): Promise<void> {
    const ctx = await this.options.context();
    const change = (await ctx.state.read()).changeRequest;
    if (!change) return;
    if (change.status === 'New') {
      await new SystemUserChangeRequestClient(ctx.http).delete(change.id);
      // The system offered the union while waiting; back to what the system user has.
      await this.registerSystem(ctx, change.from);
    }
    this.watcher.stop(ctx.profile.id);
    await ctx.state.update((s) => ({ ...s, changeRequest: undefined }));
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  private watch(profile: Profile): void {
    this.watcher.watch(profile.id, async () => {
      const ctx = await this.options.context(profile);
      return (await this.refreshWith(ctx))?.status === 'New';
    });
  }

  private async refreshWith(ctx: AltinnContext): Promise<StoredChange | undefined> {
    const change = (await ctx.state.read()).changeRequest;
    if (!change || change.status !== 'New') return change;
    const fresh: ChangeRequest = await new SystemUserChangeRequestClient(ctx.http).get(change.id);
    if (fresh.status !== 'New') {
      this.watcher.stop(ctx.profile.id);
      return this.settle(ctx, change, fresh.status);
    }
    const next = await ctx.state.update((s) =>
      s.changeRequest?.id === fresh.id
        ? {
            ...s,
            changeRequest: {
              ...s.changeRequest,
              confirmUrl: fresh.confirmUrl ?? s.changeRequest.confirmUrl,
              checkedAt: this.options.now().toISOString(),
            },
          }
        : s,
    );
    return next.changeRequest;
  }

  /**
   * A decided change: the system is set to offer the services the system user now has (the new set on Accepted or
   * NoChangeNeeded, the old one otherwise), then the decision and the services are written together, so the page
   * never shows "Accepted" with the old services. The app hears of it (`systemuser.status`, which the outbox and the
   * feedback follow to rebuild their tokens) and the user gets an OS notification.
   */
  private async settle(
    ctx: AltinnContext,
    change: StoredChange,
    status: StoredChange['status'],
  ): Promise<StoredChange | undefined> {
    const accepted = status === 'Accepted' || status === 'NoChangeNeeded';
    const services = accepted ? change.to : change.from;
    await this.registerSystem(ctx, services).catch((error: unknown) =>
      // The decision stands either way; a system still offering one right too many is tidied at the next change.
      this.options.log.warn('system register update after a change failed', { error }),
    );
    const next = await ctx.state.update((s) => {
      if (s.changeRequest?.id !== change.id) return s;
      const decided = { ...s.changeRequest, status, checkedAt: this.options.now().toISOString() };
      return accepted && s.system
        ? { ...s, changeRequest: decided, services, system: { ...s.system, services }, lastTest: undefined }
        : { ...s, changeRequest: decided };
    });
    if (next.request) {
      this.options.events.emit('systemuser.status', {
        profileId: ctx.profile.id,
        requestId: next.request.id,
        status: next.request.status,
      });
    }
    this.notify(ctx.profile, change, status);
    return next.changeRequest;
  }

  private async registerSystem(ctx: AltinnContext, services: ServiceId[]): Promise<void> {
    const system = (await ctx.state.read()).system;
    const grant = grantForSystem(ctx.profile, system ?? {}, services);
    await new SystemRegisterClient(ctx.http).registerSystem(
      systemRegistrationFor({
        orgNumber: ctx.profile.orgNumber,
        displayName: ctx.profile.displayName,
        services,
        clientId: ctx.clientId,
        access: { rights: grant.rights, accessPackages: grant.accessPackages },
        // The id it was registered under (a firm's differs from a business's): `<orgnr>_<name>`.
        ...(system ? { systemName: system.systemId.slice(ctx.profile.orgNumber.length + 1) } : {}),
      }),
    );
  }

  private notify(profile: Profile, change: StoredChange, status: StoredChange['status']): void {
    const en = this.options.language?.() === 'en';
    const names = change.to.map((s) => serviceById(s).name[en ? 'en' : 'nb']).join(', ');
    const body =
      status === 'Accepted' || status === 'NoChangeNeeded'
        ? en
          ? `The change of services for ${profile.displayName} is approved. The system user now has: ${names}.`
          : `Endringen av tjenester for ${profile.displayName} er godkjent. Systembrukeren har nå: ${names}.`
        : en
          ? `The change of services for ${profile.displayName} ${requestOutcomeWords(status).en}. The services are as before.`
          : `Endringen av tjenester for ${profile.displayName} ${requestOutcomeWords(status).nb}. Tjenestene er som før.`;
    this.options.desktop.notify({ title: 'Innsender', body });
  }
}
