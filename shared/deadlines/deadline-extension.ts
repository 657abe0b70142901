import type { LocalizedText } from '../domain/localized';
import type { ServiceId } from '../domain/services-catalogue';

/**
 * How a business can get more time for a deadline, per service (skatteetaten-apis.md §4). No machine API for an
 * extension exists today, so no kind here sends anything: the page explains, and at most opens the official form in
 * the OS browser.
 *
 * The seam for a future API: add a kind `{ kind: 'api' }` here and a `DeadlineExtensionTarget` to the outbox's
 * TargetSchema (shared/outbox/submission.ts). The application is then one more outbox job — written to disk before
 * it is sent, idempotent, retried, audited, its answer read back from Dialogporten — with no new machinery.
 */
export type DeadlineExtension =
  | { kind: 'none'; why: LocalizedText }
  | { kind: 'contact'; why: LocalizedText }
  | { kind: 'form'; form: ExtensionFormId; why: LocalizedText };

/** What an extension application would carry as an outbox target, once an API exists. Not sent anywhere today. */
export interface DeadlineExtensionTarget {
  service: 'utsatt-frist';
  /** The deadline it asks to move, as the deadlines list names it (`<service>:<period>`). */
  deadlineId: string;
  opplysningspliktig: string;
  /** RF-1113 applies per client for an accountant; for a business's own return, its own org. */
  klienter: string[];
}

export type ExtensionFormId = 'RF-1113';

/**
 * The official page of each form, opened in the OS browser (allow-listed: skatteetaten.no). UNCONFIRMED: the address
 * is from the pages corpus (skatteetaten-apis.md §4), not from an API; a moved page is a one-line change here.
 */
export const EXTENSION_FORMS: Record<ExtensionFormId, { url: string; name: LocalizedText }> = {
  'RF-1113': {
    url: 'https://www.skatteetaten.no/skjema/utsatt-frist-for-levering-av-skattemeldingen-for-klienter/',
    name: {
      nb: 'RF-1113 Søknad om utsatt frist for levering av skattemeldingen for klienter',
      en: 'RF-1113 Application for an extended deadline for the tax return, for clients',
    },
  },
};

const NO_APPLICATION = (what: LocalizedText): DeadlineExtension => ({
  kind: 'none',
  why: {
    nb: `Det finnes ingen søknad om utsatt frist for ${what.nb}. Lever innen fristen; lever heller en melding som rettes senere enn ingen.`,
    en: `There is no application for an extended deadline for ${what.en}. File by the deadline; a return corrected later beats none.`,
  },
});

/** Per service; the third-party schemes have no dispensation either, but Skatteetaten asks to be contacted. */
export function extensionFor(service: ServiceId): DeadlineExtension {
  if (service === 'a-melding') return NO_APPLICATION({ nb: 'a-meldingen', en: 'the a-melding' });
  if (service === 'aksjonaerregisteroppgave')
    return NO_APPLICATION({ nb: 'aksjonærregisteroppgaven', en: 'the shareholder register return' });
  if (service.startsWith('tredjepart-')) {
    return {
      kind: 'contact',
      why: {
        nb: 'Skatteetaten gir ikke dispensasjon fra opplysningsplikten, og det finnes ikke noe søknadsskjema. Får dere problemer med fristen, kontakt Skatteetaten før den går ut; sen levering kan gi tvangsmulkt.',
        en: 'Skatteetaten grants no dispensation from the reporting duty, and there is no application form. If the deadline is a problem, contact Skatteetaten before it passes; late filing can incur a coercive fine.',
      },
    };
  }
  return {
    kind: 'none',
    why: {
      nb: 'Ingen ordning for utsatt frist er kjent for denne tjenesten.',
      en: 'No extension scheme is known for this service.',
    },
  };
}

/**
 * The one extension form there is (skatteetaten-apis.md §4): for the skattemelding of accountants' and auditors'
 * clients, not for the reports Innsender sends. The page offers it with that said, never as a way around a deadline.
 */
export const SKATTEMELDING_EXTENSION: DeadlineExtension = {
  kind: 'form',
  form: 'RF-1113',
  why: {
    nb: 'RF-1113 gjelder skattemeldingen for klienter av regnskapsførere og revisorer, og fylles ut på skatteetaten.no. Det finnes ikke noe API for den.',
    en: "RF-1113 covers the tax return for accountants' and auditors' clients, and is filled in on skatteetaten.no. There is no API for it.",
  },
};
