import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nb } from './nb';
import { en } from './en';
import type { Language, LocalizedText } from '../../shared/domain/localized';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
  }
}

export function initI18n(language: Language = 'nb') {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'nb',
    resources: { nb: { translation: nb }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initImmediate: false,
  });
  return instance;
}

/** Picks the user's language out of a message that came from main in both. */
export function localized(text: LocalizedText, language: string): string {
  return language === 'en' ? text.en : text.nb;
}
