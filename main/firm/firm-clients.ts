import { AppError, isAppError } from '../../shared/domain/app-error';
import { requireActiveProfile } from '../setup/active-profile';
import type { AltinnOnlyClient, FirmClient, FirmClientsView } from '../../shared/domain/firm';
import { isValidOrgNumber, normaliseOrgNumber } from '../../shared/domain/org-number';
import { profileKind, type Profile } from '../../shared/domain/profile';
import { serviceById, type ServiceId } from '../../shared/domain/services-catalogue';
import { listDelegatedClients, type DelegatedClient } from '../altinn/client-delegations';
import type { DesktopPort } from '../desktop-port';
import type { EndpointResolver } from '../environments/resolve';
import type { Logger } from '../log/logger';
import type { ProfileService } from '../settings/profiles';
import { openApprovalPage } from '../setup/open-approval-page';
import type { AltinnContext } from '../setup/service-change';
import { ClientStore } from './client-store';
import { dataStore } from '../store/data-store';
import { formatCompany, formatOrgNumber } from '../../shared/format';

export interface FirmClientsOptions {
  dataDir: string;
  profiles: ProfileService;
  setup: { altinnContext(profile: Profile): Promise<AltinnContext> };
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  desktop: DesktopPort;
  log: Logger;
  now?: () => Date;
}

const firmName = (p: Profile) => formatCompany(p.displayName, p.orgNumber);
const clientName = (c: Pick<FirmClient, 'name' | 'orgNumber'>) => formatCompany(c.name, c.orgNumber);

/**
 * A firm's clients and where each one's delegation to the firm's agent systembruker stands. Altinn is the source
 * of truth for delegation: its client list is read where the environment allows the API, and sending for a client
 * is refused (before anything is queued) unless Altinn last said it is delegated.
 */
export class FirmClients {
  private readonly stores = new Map<string, ClientStore>();
  private readonly now: () => Date;

  constructor(private readonly options: FirmClientsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async view(profile: Profile = this.activeFirm()): Promise<FirmClientsView> {
    const file = await this.store(profile).read();
    const { state } = await this.options.setup.altinnContext(profile).catch(() => ({ state: null }));
    const request = state ? (await state.read()).request : undefined;
    const agentSystemUserId =
      request?.kind === 'agent' && request.status === 'Accepted' ? (request.systemUserId ?? null) : null;
    const endpoints = await this.endpoints(profile);
    const template = endpoints.altinn.clientAdminTemplate;
    return {
      profileId: profile.id,
      firmOrgNumber: profile.orgNumber,
      agentSystemUserId,
      clients: file.clients,
      altinnOnly: file.altinnOnly,
      clientAdminUrl: agentSystemUserId && template ? template.replace('{systemUserId}', agentSystemUserId) : null,
      delegationApi: endpoints.altinn.clientDelegationApi === true,
      lastSyncError: file.lastSyncError,
    };
  }

  /** Every client of a firm profile: what background work (and the reports check) iterates over. */
  async list(profile: Profile): Promise<FirmClient[]> {
    return profileKind(profile) === 'firm' ? (await this.store(profile).read()).clients : [];
  }

  async add(input: { orgNumber: string; name: string; services?: readonly ServiceId[] }): Promise<FirmClientsView> {
    const profile = this.activeFirm();
    const orgNumber = normaliseOrgNumber(input.orgNumber);
    const name = input.name.trim() || (await this.altinnName(profile, orgNumber));
    const who = name ? formatCompany(name, orgNumber) : formatOrgNumber(orgNumber);
    if (!isValidOrgNumber(orgNumber)) {
      throw new AppError(
        'FIRM_CLIENT_ORG_INVALID',
        {
          nb: `Klienten ${who}: organisasjonsnummeret er ugyldig (ni siffer med riktig kontrollsiffer). Sjekk nummeret i Enhetsregisteret.`,
          en: `Client ${who}: the organisation number is invalid (nine digits with the right check digit). Check it in Enhetsregisteret.`,
        },
        [orgNumber],
      );
    }
    if (orgNumber === profile.orgNumber) {
      throw new AppError('FIRM_CLIENT_IS_FIRM', {
        nb: `${firmName(profile)} kan ikke være sin egen klient. Virksomhetens egne rapporter sendes fra en egen profil.`,
        en: `${firmName(profile)} cannot be its own client. The firm's own reports are sent from a profile of its own.`,
      });
    }
    if (!name) {
      throw new AppError(
        'FIRM_CLIENT_NAME_MISSING',
        {
          nb: `Klienten ${who}: skriv inn navnet på virksomheten (Altinn oppga det ikke).`,
          en: `Client ${who}: type the company's name (Altinn did not give it).`,
        },
        [orgNumber],
      );
    }
    const registered = await this.registeredServices(profile);
    const services = input.services?.length ? [...new Set(input.services)] : registered;
    const missing = services.filter((s) => !registered.includes(s));
    if (missing.length > 0) {
      throw new AppError(
        'FIRM_CLIENT_SERVICE_NOT_REGISTERED',
        {
          nb: `Klienten ${who}: ${missing.map((s) => serviceById(s).name.nb).join(', ')} er ikke blant tjenestene ${firmName(profile)} har registrert (oppsettet, steg 3).`,
          en: `Client ${who}: ${missing.map((s) => serviceById(s).name.en).join(', ')} is not among the services ${firmName(profile)} registered (setup, step 3).`,
        },
        missing,
      );
    }
    await this.store(profile).update((file) => {
      const existing = file.clients.find((c) => c.orgNumber === orgNumber);
      if (existing) {
        throw new AppError('FIRM_CLIENT_EXISTS', {
          nb: `${clientName(existing)} er allerede klient av ${firmName(profile)}.`,
          en: `${clientName(existing)} is already a client of ${firmName(profile)}.`,
        });
      }
      const client: FirmClient = {
        orgNumber,
        name,
        services,
        delegation: { state: 'not-delegated', checkedAt: null },
        addedAt: this.now().toISOString(),
      };
      const altinnOnly = file.altinnOnly.filter((c) => c.orgNumber !== orgNumber);
      return { ...file, clients: [...file.clients, client], altinnOnly };
    });
    return this.sync(profile, { quiet: true });
  }

  async remove(orgNumber: string): Promise<FirmClientsView> {
    const profile = this.activeFirm();
    const org = normaliseOrgNumber(orgNumber);
    await this.store(profile).update((file) => {
      const removed = file.clients.find((c) => c.orgNumber === org);
      if (!removed) throw this.notAClient(profile, org);
      // Still delegated in Altinn as last read: it belongs among Altinn's clients the list lacks, so it can be added back.
      const { altinnClientId } = removed.delegation;
      const stillInAltinn = removed.delegation.state === 'delegated' && altinnClientId !== undefined;
      return {
        ...file,
        clients: file.clients.filter((c) => c.orgNumber !== org),
        altinnOnly: stillInAltinn
          ? [...file.altinnOnly, { orgNumber: org, name: removed.name, altinnClientId }]
          : file.altinnOnly,
      };
    });
    return this.view(profile);
  }

  /**
   * Reads the agent systembruker's clients from Altinn and records each client's state: in the list, delegated;
   * out of it after having been in it, removed; never in it, not delegated. Altinn's clients that the firm's list
   * lacks are kept beside it (`altinnOnly`): a client typed with another company's valid number shows _Ikke lagt
   * til_, and the real one is there to add. `quiet` keeps a failure in the view
   * (`lastSyncError`) instead of throwing, for reads made on the side of another action.
   */
  async sync(profile: Profile = this.activeFirm(), opts: { quiet?: boolean } = {}): Promise<FirmClientsView> {
    const view = await this.view(profile);
    if (!view.delegationApi || !view.agentSystemUserId) return view;
    let list: DelegatedClient[];
    try {
      const { http } = await this.options.setup.altinnContext(profile);
      list = await listDelegatedClients(http, view.agentSystemUserId);
    } catch (error) {
      if (!isAppError(error)) throw error;
      this.options.log.warn('client delegation list failed', { profileId: profile.id, code: error.code });
      await this.store(profile).update((file) => ({ ...file, lastSyncError: error.localized }));
      if (opts.quiet) return this.view(profile);
      throw error;
    }
    const delegated = new Map(list.map((c) => [c.clientOrganizationNumber, c.clientId]));
    const at = this.now().toISOString();
    await this.store(profile).update((file) => ({
      ...file,
      lastSyncError: null,
      altinnOnly: this.altinnOnly(profile, list, file.clients),
      clients: file.clients.map((c): FirmClient => {
        const altinnClientId = delegated.get(c.orgNumber);
        const state = altinnClientId
          ? 'delegated'
          : c.delegation.state === 'delegated' || c.delegation.state === 'removed'
            ? 'removed'
            : 'not-delegated';
        return {
          ...c,
          delegation: { state, checkedAt: at, ...(altinnClientId ? { altinnClientId } : {}) },
        };
      }),
    }));
    return this.view(profile);
  }

  /**
   * Where the environment does not let Innsender read Altinn's list, the klientadministrator says it is done (or
   * undone); sending then relies on that word, and Skatteetaten's refusal (`_1015`) still stops a wrong one.
   */
  async confirmDelegation(orgNumber: string, delegated: boolean): Promise<FirmClientsView> {
    const profile = this.activeFirm();
    const view = await this.view(profile);
    if (view.delegationApi) {
      throw new AppError('FIRM_DELEGATION_FROM_ALTINN', {
        nb: 'I dette miljøet leser Innsender klientlisten fra Altinn. Trykk «Sjekk i Altinn» i stedet.',
        en: 'In this environment Innsender reads the client list from Altinn. Press "Check in Altinn" instead.',
      });
    }
    const org = normaliseOrgNumber(orgNumber);
    const at = this.now().toISOString();
    await this.store(profile).update((file) => {
      if (!file.clients.some((c) => c.orgNumber === org)) throw this.notAClient(profile, org);
      return {
        ...file,
        clients: file.clients.map((c) =>
          c.orgNumber !== org
            ? c
            : {
                ...c,
                delegation: {
                  state: delegated ? 'delegated' : c.delegation.state === 'delegated' ? 'removed' : 'not-delegated',
                  checkedAt: at,
                },
              },
        ),
      };
    });
    return this.view(profile);
  }

  async openClientAdmin(): Promise<void> {
    const view = await this.view();
    if (!view.clientAdminUrl) {
      throw new AppError('FIRM_AGENT_NOT_APPROVED', {
        nb: 'Systembrukeren for klientforhold er ikke godkjent ennå. Få hovedadministrator til å godkjenne den først (oppsettet, steg 4).',
        en: 'The systembruker for client relationships is not approved yet. Have the hovedadministrator approve it first (setup, step 4).',
      });
    }
    await openApprovalPage(view.clientAdminUrl, this.options);
  }

  /**
   * Before anything for `org` is queued: a firm may send only for a client that Altinn says is delegated. The list
   * is read again first, so a delegation removed a minute ago is refused now, not by Skatteetaten after queuing.
   */
  async requireSendable(profile: Profile, org: string): Promise<void> {
    if (profileKind(profile) !== 'firm') return;
    const view = await this.sync(profile, { quiet: true });
    const client = view.clients.find((c) => c.orgNumber === org);
    if (!client) throw this.notAClient(profile, org);
    if (client.delegation.state === 'delegated') return;
    const removed = client.delegation.state === 'removed';
    throw new AppError(removed ? 'FIRM_CLIENT_DELEGATION_REMOVED' : 'FIRM_CLIENT_NOT_DELEGATED', {
      nb: removed
        ? `${clientName(client)} er ikke lenger lagt til på systembrukeren til ${firmName(profile)} i Altinn, så Innsender sender ikke for den. Be klientadministrator legge klienten til igjen. Ingenting er lagt i utboksen.`
        : `${clientName(client)} er ikke lagt til på systembrukeren til ${firmName(profile)} i Altinn ennå. Be klientadministrator legge klienten til, og prøv igjen. Ingenting er lagt i utboksen.`,
      en: removed
        ? `${clientName(client)} is no longer attached to ${firmName(profile)}'s systembruker in Altinn, so Innsender does not send for it. Ask the klientadministrator to attach the client again. Nothing was queued.`
        : `${clientName(client)} is not attached to ${firmName(profile)}'s systembruker in Altinn yet. Ask the klientadministrator to attach the client, then try again. Nothing was queued.`,
    });
  }

  // --- plumbing -------------------------------------------------------------------------------------------------

  /** Altinn's clients the firm's list lacks, in Altinn's order; a number that is no org number is left out. */
  private altinnOnly(profile: Profile, list: DelegatedClient[], clients: FirmClient[]): AltinnOnlyClient[] {
    const listed = new Set(clients.map((c) => c.orgNumber));
    const unlisted = list.filter((c) => !listed.has(c.clientOrganizationNumber));
    const valid = unlisted.filter(
      (c) => isValidOrgNumber(c.clientOrganizationNumber) && c.clientOrganizationNumber !== profile.orgNumber,
    );
    if (valid.length < unlisted.length) {
      this.options.log.warn('client delegation list has entries that are no client org number', {
        profileId: profile.id,
        count: unlisted.length - valid.length,
      });
    }
    return valid.map((c) => ({
      orgNumber: c.clientOrganizationNumber,
      name: c.clientOrganizationName?.trim().slice(0, 175) || null,
      altinnClientId: c.clientId,
    }));
  }

  /** The name Altinn gave a client the firm's list lacks, for an add that leaves the name empty. */
  private async altinnName(profile: Profile, org: string): Promise<string> {
    const file = await this.store(profile).read();
    return file.altinnOnly.find((c) => c.orgNumber === org)?.name ?? '';
  }

  private notAClient(profile: Profile, org: string): AppError {
    return new AppError(
      'FIRM_NOT_A_CLIENT',
      {
        nb: `${formatOrgNumber(org)} er ikke klient av ${firmName(profile)}. Legg den til under Klienter først.`,
        en: `${formatOrgNumber(org)} is not a client of ${firmName(profile)}. Add it under Clients first.`,
      },
      [org],
    );
  }

  private activeFirm(): Profile {
    const profile = requireActiveProfile(this.options.profiles);
    if (profileKind(profile) !== 'firm') {
      throw new AppError('FIRM_NOT_A_FIRM', {
        nb: `${firmName(profile)} er satt opp som en virksomhet som rapporterer for seg selv, og har ingen klienter. Lag en profil for regnskapsførerkontoret.`,
        en: `${firmName(profile)} is set up as a business reporting for itself and has no clients. Make a profile for the accounting firm.`,
      });
    }
    return profile;
  }

  private async registeredServices(profile: Profile): Promise<ServiceId[]> {
    const { state } = await this.options.setup.altinnContext(profile);
    const system = (await state.read()).system;
    if (!system) {
      throw new AppError('SETUP_SYSTEM_MISSING', {
        nb: `${firmName(profile)}: registrer systemet med tjenestene i Altinn først (oppsettet, steg 3).`,
        en: `${firmName(profile)}: register the system with its services in Altinn first (setup, step 3).`,
      });
    }
    return system.services;
  }

  private endpoints(profile: Profile) {
    return this.options.endpoints.forProfile(profile);
  }

  private store(profile: Profile): ClientStore {
    let store = this.stores.get(profile.id);
    if (!store) {
      store = new ClientStore(dataStore(this.options.dataDir).clients(profile.id));
      this.stores.set(profile.id, store);
    }
    return store;
  }
}
