import type { Language } from '../domain/localized';

/**
 * Month names written out, so a date reads the same in Node (CLI, notifications) and Chromium whatever ICU data
 * each ships with. Norwegian months are lower case (Språkrådet: "månedsnavn skrives med liten forbokstav").
 */
export const MONTH_NAMES: Record<Language, readonly string[]> = {
  nb: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** Anything that is not 'en' is bokmål, the app's default language. */
export function languageOf(language: string): Language {
  return language === 'en' ? 'en' : 'nb';
}
