import { z } from 'zod';
import { ALTINN_SCOPES, type AltinnAccessPackage, type AltinnRight } from '../../shared/domain/services-catalogue';
import { altinnError, problemCodes } from './altinn-errors';
import type { AltinnHttp } from './altinn-http';

const REQUESTS = '/authentication/api/v1/systemuser/request/vendor';
const READ = [ALTINN_SCOPES.systemUserRequestRead];
const WRITE = [ALTINN_SCOPES.systemUserRequestWrite];

export const REQUEST_STATUSES = ['New', 'Accepted', 'Rejected', 'Denied', 'Timedout'] as const;
export type SystemUserRequestStatus = (typeof REQUEST_STATUSES)[number];

/** Altinn's casing varies (`Timedout`, `TimedOut`); the app sees one spelling. */
const StatusSchema = z.string().transform((s, ctx) => {
  const match = REQUEST_STATUSES.find((known) => known.toLowerCase() === s.toLowerCase());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `unknown request status ${s}` });
    return z.NEVER;
  }
  return match;
});

/** RequestSystemResponse / AgentRequestSystemResponse (altinn-auth.md §5.2, §5.4). */
export const SystemUserRequestSchema = z.looseObject({
  id: z.string(),
  externalRef: z.string().optional(),
  systemId: z.string(),
  partyOrgNo: z.string(),
  integrationTitle: z.string().optional(),
  rights: z.array(z.any()).optional(),
  accessPackages: z.array(z.any()).optional(),
  status: StatusSchema,
  redirectUrl: z.string().nullable().optional(),
  /** Where the owner approves. Always taken from Altinn's answer, never built by Innsender. */
  confirmUrl: z.string(),
  created: z.string().optional(),
});
export type SystemUserRequest = z.infer<typeof SystemUserRequestSchema>;

export interface StandardRequestInput {
  systemId: string;
  /** The org that will own the system user: the profile's org, or a synthetic Tenor org in TT02. */
  ownerOrgNumber: string;
  /** Defaults to the owner org number on Altinn's side; whatever is used must go in the token grant too. */
  externalRef?: string;
  rights: AltinnRight[];
  accessPackages: AltinnAccessPackage[];
  redirectUrl?: string;
  integrationTitle?: string;
}

export interface AgentRequestInput {
  systemId: string;
  /** The accounting firm's org: it owns the agent system user and adds its clients in Altinn afterwards. */
  agentOrgNumber: string;
  externalRef?: string;
  /** Agent system users take access packages only (altinn-auth.md §5.4). */
  accessPackages: AltinnAccessPackage[];
  redirectUrl?: string;
}

/**
 * `created`: a new request, send the owner to confirmUrl; `existing`: Altinn returned the pending request for the
 * same (org, externalRef, system); `system-user-exists`: AUTH-00004, the owner already approved one, nothing to do.
 */
export type CreateRequestResult =
  { outcome: 'created' | 'existing'; request: SystemUserRequest } | { outcome: 'system-user-exists' };

export class SystemUserRequestClient {
  constructor(private readonly http: AltinnHttp) {}

  createStandardRequest(input: StandardRequestInput): Promise<CreateRequestResult> {
    return this.create(REQUESTS, {
      systemId: input.systemId,
      partyOrgNo: input.ownerOrgNumber,
      rights: input.rights,
      accessPackages: input.accessPackages,
      ...(input.externalRef ? { externalRef: input.externalRef } : {}),
      ...(input.redirectUrl ? { redirectUrl: input.redirectUrl } : {}),
      ...(input.integrationTitle ? { integrationTitle: input.integrationTitle } : {}),
    });
  }

  createAgentRequest(input: AgentRequestInput): Promise<CreateRequestResult> {
    return this.create(`${REQUESTS}/agent`, {
      systemId: input.systemId,
      partyOrgNo: input.agentOrgNumber,
      accessPackages: input.accessPackages,
      ...(input.externalRef ? { externalRef: input.externalRef } : {}),
      ...(input.redirectUrl ? { redirectUrl: input.redirectUrl } : {}),
    });
  }

  getRequest(requestId: string, kind: 'standard' | 'agent' = 'standard'): Promise<SystemUserRequest> {
    return this.read(`${this.base(kind)}/${encodeURIComponent(requestId)}`);
  }

  getRequestByExternalRef(
    key: { systemId: string; orgNumber: string; externalRef?: string },
    kind: 'standard' | 'agent' = 'standard',
  ): Promise<SystemUserRequest> {
    const ref = key.externalRef ?? key.orgNumber;
    const path = [key.systemId, key.orgNumber, ref].map(encodeURIComponent).join('/');
    return this.read(`${this.base(kind)}/byexternalref/${path}`);
  }

  /** Clears a rejected or unwanted request so a new one can be made for the same org and externalRef. */
  async deleteRequest(requestId: string, kind: 'standard' | 'agent' = 'standard'): Promise<void> {
    await this.http({
      method: 'DELETE',
      path: `${this.base(kind)}/${encodeURIComponent(requestId)}`,
      scopes: WRITE,
      operation: 'delete system user request',
    });
  }

  private base(kind: 'standard' | 'agent'): string {
    return kind === 'agent' ? `${REQUESTS}/agent` : REQUESTS;
  }

  private async read(path: string): Promise<SystemUserRequest> {
    const answer = await this.http({ method: 'GET', path, scopes: READ, operation: 'read system user request' });
    return SystemUserRequestSchema.parse(answer.body);
  }

  private async create(path: string, body: Record<string, unknown>): Promise<CreateRequestResult> {
    const answer = await this.http({
      method: 'POST',
      path,
      scopes: WRITE,
      body,
      expect: [400],
      operation: 'create system user request',
    });
    if (answer.status === 400) {
      if (problemCodes(answer.body).includes('AUTH-00004')) return { outcome: 'system-user-exists' };
      throw altinnError(answer.status, answer.body, 'create system user request', WRITE, answer.url);
    }
    return {
      outcome: answer.status === 201 ? 'created' : 'existing',
      request: SystemUserRequestSchema.parse(answer.body),
    };
  }
}

export interface WaitForDecisionOptions {
  intervalMs?: number;
  signal?: AbortSignal;
  onStatus?: (request: SystemUserRequest) => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Polls until the owner decides (Accepted, Rejected, Denied) or Altinn times the request out; the wizard shows
 * each poll. Stop it with the signal when the user leaves the step; it can be resumed later by id.
 */
export async function waitForDecision(
  client: SystemUserRequestClient,
  requestId: string,
  kind: 'standard' | 'agent',
  options: WaitForDecisionOptions = {},
): Promise<SystemUserRequest> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (;;) {
    options.signal?.throwIfAborted();
    const request = await client.getRequest(requestId, kind);
    options.onStatus?.(request);
    if (request.status !== 'New') return request;
    await sleep(options.intervalMs ?? 3_000);
  }
}
