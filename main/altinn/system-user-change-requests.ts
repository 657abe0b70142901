import { z } from 'zod';
import { AppError } from '../../shared/domain/app-error';
import { ALTINN_SCOPES, type AltinnAccessPackage, type AltinnRight } from '../../shared/domain/services-catalogue';
import { altinnError, problemCodes } from './altinn-errors';
import type { AltinnHttp } from './altinn-http';

const CHANGE_REQUESTS = '/authentication/api/v1/systemuser/changerequest/vendor';
const READ = [ALTINN_SCOPES.systemUserRequestRead];
const WRITE = [ALTINN_SCOPES.systemUserRequestWrite];

/** ChangeRequestStatus (altinn-auth.md §5.6): the request statuses plus NoChangeNeeded. */
export const CHANGE_REQUEST_STATUSES = ['New', 'Accepted', 'Rejected', 'Denied', 'Timedout', 'NoChangeNeeded'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** Altinn's casing varies between its models (`Timedout`/`TimedOut`); the app sees one spelling. */
const StatusSchema = z.string().transform((s, ctx) => {
  const match = CHANGE_REQUEST_STATUSES.find((known) => known.toLowerCase() === s.toLowerCase());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `unknown change request status ${s}` });
    return z.NEVER;
  }
  return match;
});

/**
 * ChangeRequestResponse. UNCONFIRMED beyond id, status and confirmUrl (the model is known by name only, §5.6), so
 * every other field is optional and unknown ones are kept.
 */
export const ChangeRequestSchema = z.looseObject({
  id: z.string(),
  systemUserId: z.string().optional(),
  systemId: z.string().optional(),
  partyOrgNo: z.string().optional(),
  externalRef: z.string().optional(),
  requiredRights: z.array(z.any()).optional(),
  unwantedRights: z.array(z.any()).optional(),
  requiredAccessPackages: z.array(z.any()).optional(),
  unwantedAccessPackages: z.array(z.any()).optional(),
  status: StatusSchema,
  /** Where the owner approves; always Altinn's, never built by Innsender. Absent when no change is needed. */
  confirmUrl: z.string().nullable().optional(),
  redirectUrl: z.string().nullable().optional(),
  created: z.string().optional(),
});
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;

export interface ChangeRequestInput {
  /** The system user to change (SystemUserExternalDTO.id, from listSystemUsers). */
  systemUserId: string;
  /**
   * A new UUID per change request. Altinn keeps it as the change request's id (the answer's `id` is this value),
   * and the same id sent again answers with that change request (200) instead of making a second one.
   */
  correlationId: string;
  requiredRights: AltinnRight[];
  unwantedRights: AltinnRight[];
  requiredAccessPackages: AltinnAccessPackage[];
  unwantedAccessPackages: AltinnAccessPackage[];
  redirectUrl?: string;
}

/** `created` (201): send the owner to confirmUrl; `existing` (200): Altinn answered with one already under way. */
export interface CreateChangeRequestResult {
  outcome: 'created' | 'existing';
  request: ChangeRequest;
}

/** The vendor side of Altinn's system user change requests (altinn-auth.md §5.6). */
export class SystemUserChangeRequestClient {
  constructor(private readonly http: AltinnHttp) {}

  async create(input: ChangeRequestInput): Promise<CreateChangeRequestResult> {
    const query = new URLSearchParams({ 'correlation-id': input.correlationId, 'system-user-id': input.systemUserId });
    const answer = await this.http({
      method: 'POST',
      path: `${CHANGE_REQUESTS}?${query}`,
      scopes: WRITE,
      body: {
        requiredRights: input.requiredRights,
        unwantedRights: input.unwantedRights,
        requiredAccessPackages: input.requiredAccessPackages,
        unwantedAccessPackages: input.unwantedAccessPackages,
        ...(input.redirectUrl ? { redirectUrl: input.redirectUrl } : {}),
      },
      expect: [404],
      operation: 'create system user change request',
    });
    if (answer.status === 404) throw changeRequestNotFound(answer.body, 'create system user change request');
    return { outcome: answer.status === 201 ? 'created' : 'existing', request: ChangeRequestSchema.parse(answer.body) };
  }

  async get(requestId: string): Promise<ChangeRequest> {
    const answer = await this.http({
      method: 'GET',
      path: `${CHANGE_REQUESTS}/${encodeURIComponent(requestId)}`,
      scopes: READ,
      expect: [404],
      operation: 'read system user change request',
    });
    if (answer.status === 404) throw changeRequestNotFound(answer.body, 'read system user change request');
    return ChangeRequestSchema.parse(answer.body);
  }

  /** Withdraws a change the owner has not decided on; one already gone is what was wanted. */
  async delete(requestId: string): Promise<void> {
    const answer = await this.http({
      method: 'DELETE',
      path: `${CHANGE_REQUESTS}/${encodeURIComponent(requestId)}`,
      scopes: WRITE,
      expect: [404],
      operation: 'delete system user change request',
    });
    if (answer.status === 404 && !problemCodes(answer.body).includes('AUTH-00010')) {
      throw altinnError(answer.status, answer.body, 'delete system user change request', WRITE);
    }
  }
}

/**
 * A 404 here means one of two things the user must tell apart: the change request is unknown (AUTH-00010), or the
 * system user it is for no longer exists (the owner deleted it in Altinn: only a new systembruker helps then).
 * Altinn names the second `Problem.SystemUserNotFound`, AUTH-00015 (Altinn/altinn-authentication
 * src/Core/Problems/Problem.cs, returned by ChangeRequestSystemUserController.CreateChangeRequest @ ad4f6f36); a
 * 404 with no code at all is read the same way, as a gateway in front of Altinn may answer one.
 */
function changeRequestNotFound(body: unknown, operation: string): AppError {
  const codes = problemCodes(body);
  if (codes.includes('AUTH-00010')) {
    return new AppError(
      'ALTINN_CHANGE_REQUEST_UNKNOWN',
      {
        nb: 'Altinn kjenner ikke denne endringsforespørselen. Fjern den og send en ny.',
        en: 'Altinn does not know this change request. Remove it and send a new one.',
      },
      [`${operation}: HTTP 404`, ...codes],
    );
  }
  if (codes.length > 0 && !codes.includes('AUTH-00015')) return altinnError(404, body, operation, WRITE);
  return systemUserGone([`${operation}: HTTP 404`, ...codes]);
}

/** The system user is gone from Altinn (deleted by its owner): only a new systembruker helps. */
export function systemUserGone(detail: string[]): AppError {
  return new AppError(
    'ALTINN_SYSTEM_USER_NOT_FOUND',
    {
      nb: 'Systembrukeren finnes ikke lenger i Altinn (den kan være slettet av eieren). Be om en ny systembruker i oppsettet.',
      en: 'The system user no longer exists in Altinn (the owner may have deleted it). Request a new system user in the setup.',
    },
    detail,
  );
}
