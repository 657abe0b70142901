import { profileKind, reportsOrgOf, type Profile } from '../../shared/domain/profile';
import type { KeyView, SetupOverview, StepState } from '../../shared/domain/setup';
import {
  ALTINN_SCOPES,
  ALTINN_EVENTS_SCOPE,
  DIALOGPORTEN_SCOPE,
  accessForServices,
  type ServiceId,
  type ServiceScopes,
} from '../../shared/domain/services-catalogue';
import type { KeySummary } from '../keys/maskinporten-keys';
import type { KeyWarning } from '../keys/key-health';
import type { SetupState } from './setup-state';

/** The services a new profile starts with ticked: what a small business files most. */
export const DEFAULT_SERVICES: readonly ServiceId[] = ['a-melding', 'aksjonaerregisteroppgave'];

export function keyView(key: KeySummary): KeyView {
  return {
    kid: key.kid,
    origin: key.origin,
    status: key.status,
    createdAt: key.createdAt,
    ...(key.registeredAt ? { registeredAt: key.registeredAt } : {}),
    ...(key.retiredAt ? { retiredAt: key.retiredAt } : {}),
    ageDays: key.age.ageDays,
    ...(key.age.expiresAt ? { expiresAt: key.age.expiresAt } : {}),
    ...(key.age.daysLeft !== undefined ? { daysLeft: key.age.daysLeft } : {}),
    publicJwk: key.publicJwk,
    ...(key.portalKid ? { portalKid: key.portalKid } : {}),
    ...(key.certificate
      ? {
          certificate: {
            subject: key.certificate.subject,
            issuer: key.certificate.issuer,
            validTo: key.certificate.validTo,
            ...(key.certificate.orgNumber ? { orgNumber: key.certificate.orgNumber } : {}),
          },
        }
      : {}),
  };
}

export interface OverviewInput {
  profile: Profile;
  keys: KeySummary[];
  warnings: KeyWarning[];
  state: SetupState;
  watching: boolean;
  /** Whether main polls Altinn for the owner's decision on a change of services. */
  watchingChange?: boolean;
  selfServicePortalUrl: string | null;
  /** The environment's scope settings (skattekort's scope is one); the catalogue's scopes when absent. */
  serviceScopes?: ServiceScopes;
}

/** Where the profile stands, step by step: each step is blocked until the one before it is done. */
export function buildOverview(input: OverviewInput): SetupOverview {
  const { profile, state } = input;
  const live = input.keys.filter((k) => k.status !== 'retired');
  const system = state.system
    ? { ...state.system, upToDate: !!state.client && state.system.clientId === state.client.clientId }
    : null;
  const request = state.request
    ? {
        id: state.request.id,
        ...(state.request.kind ? { kind: state.request.kind } : {}),
        ...(state.request.systemUserId ? { systemUserId: state.request.systemUserId } : {}),
        ownerOrgNumber: state.request.ownerOrgNumber,
        externalRef: state.request.externalRef,
        status: state.request.status,
        createdAt: state.request.createdAt,
        checkedAt: state.request.checkedAt,
        watching: input.watching,
      }
    : null;

  const key: StepState =
    live.length === 0 ? 'ready' : input.warnings.some((w) => w.kind === 'expired') ? 'attention' : 'done';
  const client: StepState =
    key === 'ready'
      ? 'blocked'
      : !state.client
        ? 'ready'
        : live.some((k) => k.status === 'pending')
          ? 'attention'
          : 'done';
  const systemStep: StepState =
    !state.client || live.length === 0 ? 'blocked' : !system ? 'ready' : system.upToDate ? 'done' : 'attention';
  const requestStep: StepState =
    systemStep !== 'done'
      ? 'blocked'
      : !request
        ? 'ready'
        : request.status === 'Accepted'
          ? 'done'
          : request.status === 'New'
            ? 'waiting'
            : 'attention';
  const test: StepState = requestStep !== 'done' ? 'blocked' : state.lastTest ? 'done' : 'ready';

  const services = state.services.length > 0 ? state.services : [...DEFAULT_SERVICES];
  return {
    profileId: profile.id,
    orgNumber: profile.orgNumber,
    displayName: profile.displayName,
    environment: profile.environment,
    kind: profileKind(profile),
    reportsOrgNumber: reportsOrgOf(profile),
    keys: input.keys.map(keyView),
    keyWarnings: input.warnings.map((w) => ({
      kind: w.kind,
      ...('kid' in w ? { kid: w.kid } : {}),
      message: w.message,
    })),
    client: state.client ?? null,
    scopes: {
      altinn: Object.values(ALTINN_SCOPES),
      services: accessForServices(services, 'rights', input.serviceScopes).scopes,
      optional: [DIALOGPORTEN_SCOPE, ALTINN_EVENTS_SCOPE],
    },
    selfServicePortalUrl: input.selfServicePortalUrl,
    services,
    system,
    request,
    changeRequest: state.changeRequest
      ? {
          id: state.changeRequest.id,
          from: state.changeRequest.from,
          to: state.changeRequest.to,
          added: state.changeRequest.to.filter((s) => !state.changeRequest?.from.includes(s)),
          removed: state.changeRequest.from.filter((s) => !state.changeRequest?.to.includes(s)),
          status: state.changeRequest.status,
          createdAt: state.changeRequest.createdAt,
          checkedAt: state.changeRequest.checkedAt,
          watching: input.watchingChange ?? false,
        }
      : null,
    lastTest: state.lastTest ?? null,
    steps: { key, client, system: systemStep, request: requestStep, test },
  };
}
