import type { LocalizedText } from '../../shared/domain/localized';
import { formatDate } from '../../shared/format';
import type { KeyRecord } from './key-metadata';

/** "NB! En nøkkel har MAKS 1 års levetid fra tidspunktet den blir postet på" (altinn-auth.md §3.2). */
export const KEY_LIFETIME_DAYS = 365;
/** A client holds a JWKS of at most five keys. */
export const MAX_KEYS_PER_CLIENT = 5;
/** Warn this long before a key expires: time to generate, upload and confirm a successor. */
export const EXPIRY_WARNING_DAYS = 30;
/** A key not confirmed registered after this long was probably never uploaded. */
export const UNREGISTERED_WARNING_DAYS = 7;

const DAY_MS = 86_400_000;

export interface KeyAge {
  kid: string;
  ageDays: number;
  /** Only once registered: Maskinporten's one-year limit counts from upload (or the certificate's end). */
  expiresAt?: string;
  daysLeft?: number;
}

export type KeyWarning =
  | { kind: 'expired'; kid: string; expiresAt: string; message: LocalizedText }
  | { kind: 'expiring-soon'; kid: string; expiresAt: string; daysLeft: number; message: LocalizedText }
  | { kind: 'not-registered'; kid: string; ageDays: number; message: LocalizedText }
  | { kind: 'too-many-keys'; count: number; message: LocalizedText };

export function keyAge(record: KeyRecord, now: Date): KeyAge {
  const ageDays = Math.floor((now.getTime() - Date.parse(record.createdAt)) / DAY_MS);
  const expiry = expiryOf(record);
  if (!expiry) return { kid: record.kid, ageDays };
  return {
    kid: record.kid,
    ageDays,
    expiresAt: expiry.toISOString(),
    daysLeft: Math.floor((expiry.getTime() - now.getTime()) / DAY_MS),
  };
}

function expiryOf(record: KeyRecord): Date | undefined {
  const candidates: number[] = [];
  if (record.registeredAt) candidates.push(Date.parse(record.registeredAt) + KEY_LIFETIME_DAYS * DAY_MS);
  if (record.certificate) candidates.push(Date.parse(record.certificate.validTo));
  return candidates.length > 0 ? new Date(Math.min(...candidates)) : undefined;
}

/** "om 16 dager", "om 1 dag", "i dag": the days left as a person says them. */
function inDays(days: number): LocalizedText {
  if (days === 0) return { nb: 'i dag', en: 'today' };
  return days === 1 ? { nb: 'om 1 dag', en: 'in 1 day' } : { nb: `om ${days} dager`, en: `in ${days} days` };
}

export function keyWarnings(records: readonly KeyRecord[], now: Date): KeyWarning[] {
  const live = records.filter((r) => r.status !== 'retired');
  const warnings: KeyWarning[] = [];
  for (const record of live) {
    const age = keyAge(record, now);
    if (age.expiresAt !== undefined && age.daysLeft !== undefined) {
      const date = { nb: formatDate(age.expiresAt, 'nb'), en: formatDate(age.expiresAt, 'en') };
      if (age.daysLeft < 0) {
        warnings.push({
          kind: 'expired',
          kid: record.kid,
          expiresAt: age.expiresAt,
          message: {
            nb: `Nøkkelen ${record.kid} gikk ut ${date.nb}; Maskinporten avviser den (MP-121). Last opp nøkkelen på nytt eller lag en ny.`,
            en: `Key ${record.kid} expired on ${date.en}; Maskinporten refuses it (MP-121). Upload the key again or generate a new one.`,
          },
        });
      } else if (age.daysLeft <= EXPIRY_WARNING_DAYS) {
        warnings.push({
          kind: 'expiring-soon',
          kid: record.kid,
          expiresAt: age.expiresAt,
          daysLeft: age.daysLeft,
          message: {
            nb: `Nøkkelen ${record.kid} går ut ${inDays(age.daysLeft).nb} (${date.nb}). Lag en ny nøkkel og last den opp før det.`,
            en: `Key ${record.kid} expires ${inDays(age.daysLeft).en} (${date.en}). Generate a new key and upload it before then.`,
          },
        });
      }
    }
    if (record.status === 'pending' && age.ageDays >= UNREGISTERED_WARNING_DAYS) {
      warnings.push({
        kind: 'not-registered',
        kid: record.kid,
        ageDays: age.ageDays,
        message: {
          nb: `Nøkkelen ${record.kid} ble laget for ${age.ageDays} dager siden, men er ikke bekreftet lastet opp i Maskinporten.`,
          en: `Key ${record.kid} was made ${age.ageDays} days ago but is not confirmed uploaded to Maskinporten.`,
        },
      });
    }
  }
  const uploadable = live.filter((r) => r.origin !== 'certificate');
  if (uploadable.length >= MAX_KEYS_PER_CLIENT) {
    warnings.push({
      kind: 'too-many-keys',
      count: uploadable.length,
      message: {
        nb: `Maskinporten-klienten tar høyst ${MAX_KEYS_PER_CLIENT} nøkler. Pensjoner en gammel nøkkel før du legger til en ny.`,
        en: `The Maskinporten client holds at most ${MAX_KEYS_PER_CLIENT} keys. Retire an old key before adding a new one.`,
      },
    });
  }
  return warnings;
}
