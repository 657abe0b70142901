import { AppError } from '../../shared/domain/app-error';
import { requireActiveProfile } from './active-profile';
import { profileKind, reportsOrgOf, type Profile } from '../../shared/domain/profile';
import type { Language } from '../../shared/domain/localized';
import type { SetupOverview } from '../../shared/domain/setup';
import {
  ALTINN_SCOPES,
  CLIENT_DELEGATION_SCOPES,
  ALTINN_EVENTS_SCOPE,
  DIALOGPORTEN_SCOPE,
  SERVICES,
  scopeOf,
  TPO_FILE_RECEPTION_SCOPE,
  accessForServices,
  type ServiceId,
} from '../../shared/domain/services-catalogue';
import { serviceScopes, type Endpoints } from '../../shared/domain/endpoints';
import type { EndpointResolver } from '../environments/resolve';
import type { ProfileService } from '../settings/profiles';
import type { DesktopPort } from '../desktop-port';
import type { EventHub } from '../ipc/event-hub';
import type { Logger } from '../log/logger';
import type { KeyStore } from '../keys/key-store';
import { assertKeychainUsable } from '../keys/keytar-key-store';
import { MaskinportenKeys } from '../keys/maskinporten-keys';
import { readKeyFile } from '../keys/key-file';
import { pkcs12NeedsPassword, readCertificateBundle, readKeyText } from '../keys/key-text';
import { MaskinportenTokens } from '../maskinporten/maskinporten-tokens';
import { createSelfServiceClient } from '../maskinporten/self-service-client';
import { summariseTokenClaims } from '../maskinporten/token-claims';
import type { SystemUserClaim } from '../maskinporten/grant';
import { createAltinnHttp } from '../altinn/altinn-http';
import { SystemRegisterClient, systemRegistrationFor } from '../altinn/system-register';
import { SystemUserRequestClient, type SystemUserRequest } from '../altinn/system-user-requests';
import { listSystemUsers } from '../altinn/system-users';
import { systemGrantFor, type GrantChoice } from './system-grant';
import { forCompany } from './company-error';
import { buildOverview } from './setup-overview';
import { profileDir, SetupStateFile, type SetupState } from './setup-state';
import { openApprovalPage } from './open-approval-page';
import { RequestWatcher } from './request-watcher';
import { ServiceChange, type AltinnContext } from './service-change';
import { requestOutcomeWords } from '../../shared/domain/altinn-request-status';

export interface SetupServiceOptions {
  dataDir: string;
  keyStore: KeyStore;
  profiles: ProfileService;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  desktop: DesktopPort;
  events: EventHub;
  log: Logger;
  now?: () => Date;
  /** How often the wizard's wait for the owner's decision asks Altinn (default 3 s). */
  pollIntervalMs?: number;
  /** The user's language, for the OS notification when the owner decides. */
  language?: () => Language;
}

interface ProfileParts {
  keys: MaskinportenKeys;
  state: SetupStateFile;
  tokens?: { key: string; tokens: MaskinportenTokens };
}

/** The native dialogs for key, certificate and .p12 files (read by `readKeyFile`). */
const FILE_DIALOGS: Record<'key' | 'certificate' | 'pkcs12', Parameters<DesktopPort['pickFiles']>[0]> = {
  key: {
    title: 'Maskinporten-nøkkel (PEM eller JWK)',
    filters: [{ name: 'PEM / JWK', extensions: ['pem', 'key', 'jwk', 'json'] }],
    multiple: false,
  },
  certificate: {
    title: 'Virksomhetssertifikat (PEM-kjede og nøkkel)',
    filters: [{ name: 'PEM', extensions: ['pem', 'crt', 'cer', 'key'] }],
    multiple: true,
  },
  pkcs12: {
    title: 'Virksomhetssertifikat (.p12 eller .pfx)',
    filters: [{ name: 'PKCS#12', extensions: ['p12', 'pfx'] }],
    multiple: false,
  },
};

/**
 * The setup of the active profile, from no key to a working systembruker token (altinn-auth.md §7): each step
 * reads and writes the profile's setup.json, so the wizard (and the CLI) can stop anywhere and resume.
 */
export class SetupService {
  private readonly parts = new Map<string, ProfileParts>();
  private readonly watcher: RequestWatcher;
  /** Adding or removing services on the approved system user: a change request (service-change.ts). */
  readonly changes: ServiceChange;
  private readonly now: () => Date;

  constructor(private readonly options: SetupServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.watcher = new RequestWatcher({
      intervalMs: options.pollIntervalMs ?? 3_000,
      maxWatchMs: 30 * 60_000,
      onError: (profileId, error) => options.log.warn('systembruker status poll failed', { profileId, error }),
    });
    this.changes = new ServiceChange({
      context: (profile) => this.altinnContext(profile),
      endpoints: options.endpoints,
      desktop: options.desktop,
      events: options.events,
      log: options.log,
      now: this.now,
      pollIntervalMs: options.pollIntervalMs ?? 3_000,
      ...(options.language ? { language: options.language } : {}),
    });
  }

  dispose(): void {
    this.watcher.stopAll();
    this.changes.dispose();
  }

  /** The active profile's setup, or another profile's (the background work asks for every profile's). */
  async overview(profile: Profile = this.activeProfile()): Promise<SetupOverview> {
    const { keys, state } = this.partsOf(profile);
    const current = await state.read();
    // Resumed after a restart with a request still open: keep watching for the owner's decision.
    if (current.request?.status === 'New' && current.request.id) this.watch(profile);
    this.changes.resume(profile, current);
    // The sandbox's endpoints are not resolved here (that would start it); its scopes are the catalogue's.
    const endpoints = profile.environment === 'sandbox' ? null : await this.endpoints(profile);
    const portal = endpoints ? endpoints.digdir.selfServicePortal : null;
    return buildOverview({
      profile,
      keys: await keys.list(),
      warnings: await keys.warnings(),
      state: current,
      watching: this.watcher.isWatching(profile.id),
      watchingChange: this.changes.isWatching(profile.id),
      selfServicePortalUrl: portal,
      ...(endpoints ? { serviceScopes: serviceScopes(endpoints) } : {}),
    });
  }

  async checkKeychain(): Promise<void> {
    await assertKeychainUsable(this.options.keyStore);
  }

  // --- (a) the Maskinporten key -------------------------------------------------------------------------------

  async generateKey(): Promise<SetupOverview> {
    await this.checkKeychain();
    await this.keysOf().generate();
    return this.overview();
  }

  importKeyText(
    input: { kind: 'key'; text: string } | { kind: 'certificate'; chainPem: string; keyPem: string },
  ): Promise<SetupOverview> {
    return input.kind === 'key'
      ? this.importText('key', input.text)
      : this.importText('certificate', `${input.chainPem}\n${input.keyPem}`);
  }

  /** The native open dialog; the chosen files are read here in main, never in the renderer. */
  async importKeyFile(
    input: { kind: 'key' | 'certificate' } | { kind: 'pkcs12'; password: string },
  ): Promise<{ cancelled: boolean; overview: SetupOverview }> {
    const { kind } = input;
    const files = await this.options.desktop.pickFiles(FILE_DIALOGS[kind]);
    if (files.length === 0) return { cancelled: true, overview: await this.overview() };
    if (input.kind === 'pkcs12') {
      const file = files[0] as string;
      await this.checkKeychain();
      await this.keysOf().importPkcs12(await readKeyFile(file), input.password);
      return { cancelled: false, overview: await this.overview() };
    }
    const texts: string[] = [];
    for (const file of files) {
      if (/\.(p12|pfx)$/i.test(file)) throw pkcs12NeedsPassword(file);
      texts.push((await readKeyFile(file)).toString('utf8'));
    }
    return { cancelled: false, overview: await this.importText(input.kind, texts.join('\n')) };
  }

  /** A key (PEM or JWK), or a certificate bundle (PEM chain and key, in any order, in one text). */
  private async importText(kind: 'key' | 'certificate', text: string): Promise<SetupOverview> {
    await this.checkKeychain();
    const keys = this.keysOf();
    if (kind === 'certificate') {
      const bundle = readCertificateBundle(text);
      await keys.importCertificate(bundle.chainPem, bundle.keyPem);
    } else {
      const read = readKeyText(text);
      if (read.format === 'jwk') await keys.importJwk(read.jwk);
      else await keys.importPem(read.pem);
    }
    return this.overview();
  }

  async markKeyRegistered(kid: string): Promise<SetupOverview> {
    await this.keysOf().markRegistered(kid);
    return this.overview();
  }

  async setKeyPortalKid(kid: string, portalKid: string | null): Promise<SetupOverview> {
    await this.keysOf().setPortalKid(kid, portalKid);
    return this.overview();
  }

  /** Deletes the private key; in the sandbox the client's JWKS is sent again without it, as the portal would. */
  async retireKey(kid: string): Promise<SetupOverview> {
    const profile = this.activeProfile();
    await this.partsOf(profile).keys.retire(kid);
    const state = await this.partsOf(profile).state.read();
    if (profile.environment === 'sandbox' && state.client?.via === 'sandbox') {
      const endpoints = await this.endpoints(profile);
      const selfService = createSelfServiceClient({ apiBase: endpoints.digdir.selfServicePortal });
      await selfService.uploadJwks(state.client.clientId, await this.partsOf(profile).keys.publicJwks());
    }
    return this.overview();
  }

  async publicJwkForPortal(kid: string): Promise<string> {
    return this.keysOf().publicJwkForPortal(kid);
  }

  async publicJwks() {
    return this.keysOf().publicJwks();
  }

  async copyPublicJwk(kid: string): Promise<void> {
    await this.options.desktop.writeClipboard(await this.publicJwkForPortal(kid));
  }

  async savePublicJwk(kid: string): Promise<string | null> {
    const profile = this.activeProfile();
    return this.options.desktop.saveFile({
      title: 'Offentlig nøkkel (JWK) for Maskinporten',
      defaultName: `maskinporten-${profile.orgNumber}-${kid.slice(0, 8)}.jwk.json`,
      content: `${await this.publicJwkForPortal(kid)}\n`,
    });
  }

  // --- (b) the Maskinporten client ------------------------------------------------------------------------------

  /** The sandbox's stand-in for Samarbeidsportalen: one client with every scope, and the profile's keys on it. */
  async registerSandboxClient(): Promise<SetupOverview> {
    const profile = this.activeProfile();
    if (profile.environment !== 'sandbox') {
      throw new AppError('SETUP_SANDBOX_ONLY', {
        nb: 'Dette gjøres bare i sandkassen. I test og produksjon lager du klienten i Samarbeidsportalen og limer inn klient-ID-en.',
        en: 'This is only done in the sandbox. In test and production you make the client in Samarbeidsportalen and paste its client id.',
      });
    }
    const { keys, state } = this.partsOf(profile);
    const jwks = await keys.publicJwks();
    if (jwks.keys.length === 0) {
      throw new AppError('KEY_NONE', {
        nb: 'Lag eller importer en nøkkel først (steg 1).',
        en: 'Generate or import a key first (step 1).',
      });
    }
    const endpoints = await this.endpoints(profile);
    const selfService = createSelfServiceClient({ apiBase: endpoints.digdir.selfServicePortal });
    const current = await state.read();
    let clientId = current.client?.via === 'sandbox' ? current.client.clientId : undefined;
    if (clientId) {
      // The sandbox's state may have been reset since; then make a new client.
      clientId = await selfService.getClient(clientId).then(
        (c) => c.client_id,
        () => undefined,
      );
    }
    if (!clientId) {
      const created = await selfService.createClient({
        clientName: `Innsender – ${profile.displayName}`,
        orgNumber: profile.orgNumber,
        scopes: [
          ...Object.values(ALTINN_SCOPES),
          ...Object.values(CLIENT_DELEGATION_SCOPES),
          ...SERVICES.map((s) => scopeOf(s.id, serviceScopes(endpoints))),
          TPO_FILE_RECEPTION_SCOPE,
          DIALOGPORTEN_SCOPE,
          ALTINN_EVENTS_SCOPE,
        ],
      });
      clientId = created.client_id;
    }
    await selfService.uploadJwks(clientId, jwks);
    for (const jwk of jwks.keys) await keys.markRegistered(jwk.kid);
    const id = clientId;
    await state.update((s) => ({
      ...s,
      client: { clientId: id, via: 'sandbox', updatedAt: this.now().toISOString() },
    }));
    return this.overview();
  }

  async setClientId(clientId: string): Promise<SetupOverview> {
    const profile = this.activeProfile();
    await this.partsOf(profile).state.update((s) => ({
      ...s,
      client: { clientId, via: 'manual', updatedAt: this.now().toISOString() },
    }));
    return this.overview();
  }

  // --- (c) the system in Altinn's system register ---------------------------------------------------------------

  /**
   * Registers (or updates) the system with what the services need: a business's single rights or own packages, a
   * firm's client packages (system-grant.ts). A firm's system has its own id, so a business profile and a firm
   * profile of the same org never overwrite each other's system.
   */
  async registerSystem(
    services: ServiceId[],
    choice: GrantChoice & { systemName?: string } = {},
  ): Promise<SetupOverview> {
    const profile = this.activeProfile();
    const { state } = this.partsOf(profile);
    const clientId = requireClient(await state.read());
    const grant = systemGrantFor(profile, services, choice);
    const http = await this.altinnHttp(profile, clientId);
    const registration = systemRegistrationFor({
      orgNumber: profile.orgNumber,
      displayName: profile.displayName,
      services,
      clientId,
      access: { rights: grant.rights, accessPackages: grant.accessPackages },
      ...(choice.systemName
        ? { systemName: choice.systemName }
        : profileKind(profile) === 'firm'
          ? { systemName: 'innsender klienter' }
          : {}),
    });
    const result = await new SystemRegisterClient(http)
      .registerSystem(registration)
      .catch((error: unknown) => Promise.reject(forCompany(profile, error, grant.packageNames)));
    this.options.log.info('system registered in Altinn', { systemId: result.systemId, outcome: result.outcome });
    await state.update((s) => ({
      ...s,
      services,
      system: {
        systemId: result.systemId,
        clientId,
        services,
        grant: grant.grant,
        ...(grant.packageNames.length ? { accessPackages: grant.packageNames } : {}),
        registeredAt: this.now().toISOString(),
      },
    }));
    return this.overview();
  }

  // --- (d) the systembruker request -----------------------------------------------------------------------------

  async createRequest(ownerOrgNumber: string): Promise<SetupOverview> {
    const profile = this.activeProfile();
    const { state } = this.partsOf(profile);
    const current = await state.read();
    const clientId = requireClient(current);
    const system = current.system;
    if (!system || system.clientId !== clientId) {
      throw new AppError('SETUP_SYSTEM_MISSING', {
        nb: 'Registrer systemet i Altinn først (steg 3).',
        en: 'Register the system in Altinn first (step 3).',
      });
    }
    const requests = new SystemUserRequestClient(await this.altinnHttp(profile, clientId));
    // Altinn's own default, written out so the grant can name it (a different one would give MP-303).
    const externalRef = ownerOrgNumber;
    const grant = systemGrantFor(profile, system.services, {
      grant: system.grant ?? 'rights',
      ...(system.accessPackages ? { accessPackages: system.accessPackages } : {}),
    });
    // A firm's is an agent systembruker: the firm owns it and its klientadministrator attaches the clients.
    const kind = profileKind(profile) === 'firm' ? 'agent' : 'standard';
    const created = await (
      kind === 'agent'
        ? requests.createAgentRequest({
            systemId: system.systemId,
            agentOrgNumber: ownerOrgNumber,
            externalRef,
            accessPackages: grant.accessPackages,
          })
        : requests.createStandardRequest({
            systemId: system.systemId,
            ownerOrgNumber,
            externalRef,
            rights: grant.rights,
            accessPackages: grant.accessPackages,
            integrationTitle: `Innsender – ${profile.displayName}`,
          })
    ).catch((error: unknown) => Promise.reject(forCompany(profile, error, grant.packageNames)));
    let request: SystemUserRequest | null = created.outcome === 'system-user-exists' ? null : created.request;
    if (!request) {
      // The owner approved one earlier (AUTH-00004): read it back by its external reference when Altinn still has it.
      request = await requests
        .getRequestByExternalRef({ systemId: system.systemId, orgNumber: ownerOrgNumber, externalRef }, kind)
        .catch(() => null);
    }
    const at = this.now().toISOString();
    const next = await state.update((s) => ({
      ...s,
      request: {
        id: request?.id ?? null,
        kind,
        ownerOrgNumber,
        externalRef,
        status: request?.status ?? 'Accepted',
        confirmUrl: request?.confirmUrl ?? null,
        createdAt: at,
        checkedAt: at,
      },
      lastTest: undefined,
    }));
    this.announce(profile, next);
    if (next.request?.status === 'New') this.watch(profile);
    return this.overview();
  }

  /** Opens Altinn's approval page, re-read from Altinn first so a restarted sandbox's new port is used. */
  async openApproval(): Promise<void> {
    const profile = this.activeProfile();
    const fresh = await this.refresh(profile);
    const url = fresh?.confirmUrl;
    if (!fresh || !url || !fresh.id) {
      throw new AppError('SETUP_REQUEST_MISSING', {
        nb: 'Det finnes ingen systembruker-forespørsel å godkjenne. Lag en forespørsel først.',
        en: 'There is no systembruker request to approve. Create a request first.',
      });
    }
    await openApprovalPage(url, this.options);
    if (fresh.status === 'New') this.watch(profile);
  }

  async refreshStatus(): Promise<SetupOverview> {
    const profile = this.activeProfile();
    const fresh = await this.refresh(profile);
    if (fresh?.status === 'New') this.watch(profile);
    return this.overview();
  }

  /** Clears a request the owner rejected (or that was denied or timed out) so a new one can be created. */
  async discardRequest(): Promise<SetupOverview> {
    const profile = this.activeProfile();
    const { state } = this.partsOf(profile);
    const current = await state.read();
    const request = current.request;
    if (request?.status === 'Accepted') {
      throw new AppError('SETUP_REQUEST_ACCEPTED', {
        nb: 'Forespørselen er godkjent og systembrukeren finnes. Den fjernes i Altinn, ikke her.',
        en: 'The request is accepted and the system user exists. It is removed in Altinn, not here.',
      });
    }
    if (request?.id && current.client) {
      const requests = new SystemUserRequestClient(await this.altinnHttp(profile, current.client.clientId));
      await requests.deleteRequest(request.id, request.kind ?? 'standard').catch((error: unknown) => {
        // Already gone in Altinn (AUTH-00010) is what we wanted; anything else the user must hear about.
        if ((error as AppError).code !== 'ALTINN_AUTH_00010') throw error;
      });
    }
    this.watcher.stop(profile.id);
    await state.update((s) => ({ ...s, request: undefined, lastTest: undefined }));
    return this.overview();
  }

  // --- (e) test the connection ----------------------------------------------------------------------------------

  /** Fetches a fresh systembruker token for the chosen services and keeps only what may be shown of it. */
  async testConnection(): Promise<SetupOverview> {
    const profile = this.activeProfile();
    const { state } = this.partsOf(profile);
    const context = await this.tokenContext(profile);
    context.tokens.invalidate({ scopes: context.scopes, systemUser: context.systemUser });
    const token = await context.tokens.tokenForScopes({ scopes: context.scopes, systemUser: context.systemUser });
    const claims = summariseTokenClaims(token.value);
    await state.update((s) => ({
      ...s,
      lastTest: {
        at: this.now().toISOString(),
        kid: token.kid,
        expiresAt: token.expiresAt.toISOString(),
        scopes: claims?.scopes.length ? claims.scopes : token.scopes,
        ...(claims?.clientId ? { clientId: claims.clientId } : {}),
        ...(claims?.systemUser?.orgNumber ? { systemUserOrg: claims.systemUser.orgNumber } : {}),
        systemUserIds: claims?.systemUser?.systemUserIds ?? [],
        ...(claims?.systemUser?.systemId ? { systemId: claims.systemUser.systemId } : {}),
      },
    }));
    return this.overview();
  }

  /**
   * What `innsender token` needs: the active profile's token source, its chosen services' scopes and its
   * systembruker. The token itself stays with the caller.
   */
  async tokenContext(
    profile: Profile = this.activeProfile(),
  ): Promise<{ tokens: MaskinportenTokens; scopes: string[]; systemUser: SystemUserClaim }> {
    const current = await this.partsOf(profile).state.read();
    const clientId = requireClient(current);
    const services = current.system?.services ?? current.services;
    if (services.length === 0) {
      throw new AppError('SETUP_SYSTEM_MISSING', {
        nb: 'Velg tjenester og registrer systemet i Altinn først (oppsettet, steg 3).',
        en: 'Choose services and register the system in Altinn first (setup, step 3).',
      });
    }
    const systemUser = current.request
      ? { orgNumber: current.request.ownerOrgNumber, externalRef: current.request.externalRef }
      : { orgNumber: reportsOrgOf(profile) };
    return {
      tokens: await this.tokens(profile, clientId),
      scopes: accessForServices(services, 'rights', serviceScopes(await this.endpoints(profile))).scopes,
      systemUser,
    };
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  private activeProfile(): Profile {
    return requireActiveProfile(this.options.profiles);
  }

  private partsOf(profile: Profile): ProfileParts {
    let parts = this.parts.get(profile.id);
    if (!parts) {
      const dir = profileDir(this.options.dataDir, profile.id);
      parts = {
        keys: new MaskinportenKeys({
          store: this.options.keyStore,
          dataDir: dir,
          accountPrefix: profile.id,
          now: this.now,
        }),
        state: new SetupStateFile(dir),
      };
      this.parts.set(profile.id, parts);
    }
    return parts;
  }

  private keysOf(): MaskinportenKeys {
    return this.partsOf(this.activeProfile()).keys;
  }

  private endpoints(profile: Profile): Promise<Endpoints> {
    return this.options.endpoints.forProfile(profile);
  }

  /** One token source per (profile, client, token endpoint): a restarted sandbox on a new port gets a new one. */
  private async tokens(profile: Profile, clientId: string): Promise<MaskinportenTokens> {
    const endpoints = await this.endpoints(profile);
    const parts = this.partsOf(profile);
    const key = `${clientId} ${endpoints.maskinporten.tokenEndpoint}`;
    if (parts.tokens?.key !== key) {
      parts.tokens = {
        key,
        tokens: new MaskinportenTokens({
          issuer: endpoints.maskinporten.issuer,
          tokenEndpoint: endpoints.maskinporten.tokenEndpoint,
          clientId,
          signer: () => parts.keys.signer(),
          now: this.now,
        }),
      };
    }
    return parts.tokens.tokens;
  }

  /** The profile's setup file and an Altinn client on its Maskinporten client: what ServiceChange works with. */
  async altinnContext(profile: Profile = this.activeProfile()): Promise<AltinnContext> {
    const { state } = this.partsOf(profile);
    const clientId = requireClient(await state.read());
    return { profile, state, clientId, http: await this.altinnHttp(profile, clientId) };
  }

  private async altinnHttp(profile: Profile, clientId: string) {
    const tokens = await this.tokens(profile, clientId);
    return createAltinnHttp({
      platform: (await this.endpoints(profile)).altinn.platform,
      accessToken: async (scopes) => (await tokens.tokenForScopes({ scopes })).value,
    });
  }

  /** Reads the request from Altinn and stores what changed; announces a new status. */
  private async refresh(profile: Profile): Promise<SetupState['request'] | undefined> {
    const { state } = this.partsOf(profile);
    const current = await state.read();
    const request = current.request;
    if (!request?.id || !current.client) return request;
    const http = await this.altinnHttp(profile, current.client.clientId);
    const requests = new SystemUserRequestClient(http);
    const fresh = await requests.getRequest(request.id, request.kind ?? 'standard');
    // The approved systembruker's id: what the client delegation list is read by (altinn-auth.md §5.5).
    const systemUserId =
      fresh.status === 'Accepted' && !request.systemUserId && current.system
        ? (await listSystemUsers(http, current.system.systemId)).find(
            (u) =>
              !u.isDeleted &&
              u.reporteeOrgNo === request.ownerOrgNumber &&
              (u.externalRef ?? u.reporteeOrgNo) === request.externalRef,
          )?.id
        : undefined;
    const next = await state.update((s) =>
      s.request?.id === fresh.id
        ? {
            ...s,
            request: {
              ...s.request,
              status: fresh.status,
              confirmUrl: fresh.confirmUrl,
              ...(systemUserId ? { systemUserId } : {}),
              checkedAt: this.now().toISOString(),
            },
          }
        : s,
    );
    if (fresh.status !== 'New') this.watcher.stop(profile.id);
    if (fresh.status !== request.status) {
      this.announce(profile, next);
      this.notifyDecision(profile, fresh.status);
    }
    return next.request;
  }

  private watch(profile: Profile): void {
    this.watcher.watch(profile.id, async () => (await this.refresh(profile))?.status === 'New');
  }

  private announce(profile: Profile, state: SetupState): void {
    if (!state.request) return;
    this.options.events.emit('systemuser.status', {
      profileId: profile.id,
      requestId: state.request.id,
      status: state.request.status,
    });
  }

  private notifyDecision(profile: Profile, status: string): void {
    const en = this.options.language?.() === 'en';
    const name = profile.displayName;
    const body =
      status === 'Accepted'
        ? en
          ? `The system user for ${name} is approved. Test the connection in the setup.`
          : `Systembrukeren for ${name} er godkjent. Test forbindelsen i oppsettet.`
        : en
          ? `The system user request for ${name} ${requestOutcomeWords(status).en}. See the setup.`
          : `Systembruker-forespørselen for ${name} ${requestOutcomeWords(status).nb}. Se oppsettet.`;
    this.options.desktop.notify({ title: 'Innsender', body });
  }
}

function requireClient(state: SetupState): string {
  if (!state.client) {
    throw new AppError('SETUP_CLIENT_MISSING', {
      nb: 'Profilen har ingen Maskinporten-klient ennå (steg 2).',
      en: 'The profile has no Maskinporten client yet (step 2).',
    });
  }
  return state.client.clientId;
}
