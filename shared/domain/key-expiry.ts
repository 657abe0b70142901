import { formatDate } from '../format';
import type { LocalizedText } from './localized';

/** Warn this long before a key expires: time to generate, upload and confirm a successor. */
export const EXPIRY_WARNING_DAYS = 30;

/** "om 16 dager", "om 1 dag", "i dag": the days a key has left, as a person says them. */
export function daysLeftInWords(days: number): LocalizedText {
  if (days === 0) return { nb: 'i dag', en: 'today' };
  return days === 1 ? { nb: 'om 1 dag', en: 'in 1 day' } : { nb: `om ${days} dager`, en: `in ${days} days` };
}

/**
 * When a registered key expires, as Oppsett's key table and `innsender keys` both say it: "7. desember 2027
 * (om 16 dager)", "… (i dag)", and past its year "Gikk ut 7. desember 2027" — Maskinporten refuses it then
 * (MP-121), so a date gone by, never a negative count ("om -3 dager").
 */
export function keyExpiryText(expiresAt: string, daysLeft: number): LocalizedText {
  const date = { nb: formatDate(expiresAt, 'nb'), en: formatDate(expiresAt, 'en') };
  if (daysLeft < 0) return { nb: `Gikk ut ${date.nb}`, en: `Expired on ${date.en}` };
  const left = daysLeftInWords(daysLeft);
  return { nb: `${date.nb} (${left.nb})`, en: `${date.en} (${left.en})` };
}
