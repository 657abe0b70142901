import { z } from 'zod';
import {
  ALTINN_SCOPES,
  accessForServices,
  type AltinnAccessPackage,
  type AltinnRight,
  type ServiceId,
} from '../../shared/domain/services-catalogue';
import { AppError } from '../../shared/domain/app-error';
import { altinnError, problemCodes } from './altinn-errors';
import type { AltinnHttp } from './altinn-http';

const REGISTER = '/authentication/api/v1/systemregister/vendor';
const SCOPES = [ALTINN_SCOPES.systemRegisterWrite];

export interface TriLingual {
  nb: string;
  nn: string;
  en: string;
}

/** The business's own system in Altinn's system register (RegisterSystemRequest, altinn-auth.md §4.3). */
export interface SystemRegistration {
  id: string;
  vendor: { authority: 'iso6523-actorid-upis'; ID: string };
  name: TriLingual;
  description: TriLingual;
  rights: AltinnRight[];
  accessPackages: AltinnAccessPackage[];
  clientId: string[];
  allowedRedirectUrls: string[];
  isVisible: boolean;
}

const RegisteredSystemSchema = z.looseObject({
  id: z.string(),
  vendor: z.looseObject({ ID: z.string() }).optional(),
  name: z.record(z.string(), z.string()).optional(),
  rights: z.array(z.any()).optional(),
  accessPackages: z.array(z.any()).optional(),
  clientId: z.array(z.string()).optional(),
  isDeleted: z.boolean().optional(),
});
export type RegisteredSystem = z.infer<typeof RegisteredSystemSchema>;

/** `<orgnr>_<name>`: lower-case a-z, 0-9 and `_`, as Altinn's id rules allow (altinn-auth.md §4.3). */
export function systemIdFor(orgNumber: string, name = 'innsender'): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${orgNumber}_${slug || 'innsender'}`;
}

export interface SystemRegistrationInput {
  orgNumber: string;
  /** The business's name, shown to the approver in Altinn ("Innsender for Eksempel AS"). */
  displayName: string;
  services: readonly ServiceId[];
  clientId: string;
  systemName?: string;
  grant?: 'rights' | 'access-packages';
  /** What the system offers, when decided by the caller (a firm's client packages); else from `grant`. */
  access?: { rights: AltinnRight[]; accessPackages: AltinnAccessPackage[] };
  allowedRedirectUrls?: string[];
}

/**
 * A private, self-hosted system: invisible in the Altinn portal (only Innsender's own requests create system
 * users), vendor and owner the same org, and the rights the chosen services need.
 */
export function systemRegistrationFor(input: SystemRegistrationInput): SystemRegistration {
  const { rights, accessPackages } = input.access ?? accessForServices(input.services, input.grant);
  const title = `Innsender – ${input.displayName}`;
  return {
    id: systemIdFor(input.orgNumber, input.systemName),
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${input.orgNumber}` },
    name: { nb: title, nn: title, en: title },
    description: {
      nb: `${input.displayName} sender rapporter til Skatteetaten med Innsender.`,
      nn: `${input.displayName} sender rapportar til Skatteetaten med Innsender.`,
      en: `${input.displayName} files reports with Skatteetaten using Innsender.`,
    },
    rights,
    accessPackages,
    clientId: [input.clientId],
    allowedRedirectUrls: input.allowedRedirectUrls ?? [],
    isVisible: false,
  };
}

export class SystemRegisterClient {
  constructor(private readonly http: AltinnHttp) {}

  /** Creates the system, or updates it when it exists (AUTH.VLD-00002 or 409), keeping its other client ids. */
  async registerSystem(
    registration: SystemRegistration,
  ): Promise<{ outcome: 'created' | 'updated'; systemId: string }> {
    const created = await this.http({
      method: 'POST',
      path: REGISTER,
      scopes: SCOPES,
      body: registration,
      expect: [400, 409],
      operation: 'register system',
    });
    if (created.status < 300) return { outcome: 'created', systemId: registration.id };
    const exists = created.status === 409 || problemCodes(created.body).includes('AUTH.VLD-00002');
    if (!exists) throw altinnError(created.status, created.body, 'register system', SCOPES);
    const current = await this.getSystem(registration.id);
    if (current?.isDeleted) {
      // Altinn keeps a deleted system's id and refuses to update it ("Cannot update a system marked as deleted").
      throw new AppError(
        'ALTINN_SYSTEM_ID_TAKEN',
        {
          nb: `System-ID-en ${registration.id} er allerede brukt av et system som er slettet i Altinn, og kan ikke brukes igjen. Velg et annet systemnavn.`,
          en: `The system id ${registration.id} is taken by a system deleted in Altinn and cannot be used again. Choose another system name.`,
        },
        [registration.id],
      );
    }
    const clientId = [...new Set([...(current?.clientId ?? []), ...registration.clientId])];
    await this.http({
      method: 'PUT',
      path: `${REGISTER}/${encodeURIComponent(registration.id)}`,
      scopes: SCOPES,
      body: { ...registration, clientId },
      operation: 'update system',
    });
    return { outcome: 'updated', systemId: registration.id };
  }

  async getSystem(systemId: string): Promise<RegisteredSystem | null> {
    const answer = await this.http({
      method: 'GET',
      path: `${REGISTER}/${encodeURIComponent(systemId)}`,
      scopes: SCOPES,
      expect: [404],
      operation: 'read system',
    });
    return answer.status === 404 ? null : RegisteredSystemSchema.parse(answer.body);
  }
}
