import { z } from 'zod';
import type { LocalizedText } from './localized';
import { isLoopbackHost } from './service-hosts';

/**
 * What must be done at Digdir, Altinn and Skatteetaten before the first systembruker token, as one table: each
 * prerequisite with its steps and link per real environment, its sources, and the error codes Innsender gives when
 * a refusal means it is missing. The setup wizard shows it as a checklist; the error mapping
 * (main/maskinporten/token-errors.ts, main/altinn/altinn-errors.ts, main/maskinporten/self-service-client.ts) names
 * the missing prerequisite from it. The sandbox needs none of these: the wizard's own steps stand in for them.
 */
export const PrerequisiteIdSchema = z.enum([
  'digdir-terms',
  'altinn-scopes',
  'skatteetaten-scopes',
  'maskinporten-client',
  'systemuser-approval',
]);
export type PrerequisiteId = z.infer<typeof PrerequisiteIdSchema>;

/** The environments a prerequisite is done for; the sandbox has none and a custom one follows its Maskinporten. */
export type ChecklistEnvironment = 'test' | 'production';

export interface PrerequisiteStep {
  text: LocalizedText;
  /** Where it is done (always https, on a service domain so the app's external-link allow-list opens it). */
  link: string;
}

/** A refusal, as the app's error code, that means the prerequisite is missing; `scopes` narrows it by scope owner. */
export interface PrerequisiteRefusal {
  code: string;
  /** The upstream answer it comes from, for the reader (Maskinporten's `error`/MP code, Altinn's problem code). */
  upstream: string;
  /** Only when a scope the request named starts with one of these (a scope not granted: by Digdir or Skatteetaten). */
  scopePrefixes?: readonly string[];
}

export interface Prerequisite {
  id: PrerequisiteId;
  title: LocalizedText;
  steps: Record<ChecklistEnvironment, PrerequisiteStep>;
  /** What stands in for it in the sandbox (no visit anywhere), as a clause after "in the sandbox:". */
  sandbox: LocalizedText;
  missingWhen: readonly PrerequisiteRefusal[];
  /** Where each fact comes from (repository + path, or URL). */
  sources: readonly string[];
}

const ALTINN_SCOPE_PREFIXES = ['altinn:', 'digdir:'] as const;
const SKATTEETATEN_SCOPE_PREFIXES = ['skatteetaten:'] as const;

/** Digdir's terms and information form are the organisation's, the same whichever environment is set up. */
const DIGDIR_TERMS_STEP: PrerequisiteStep = {
  text: {
    nb: 'Gjelder virksomheten, ikke miljøet: fyll ut informasjonsskjemaet for Maskinporten-konsumenter (oppgi Altinn og Skatteetaten som API-tilbydere) og signer «Bruksvilkår for private verksemder» som Digdir sender på e-post. Be deretter om tilgangen «Opprette og endre integrasjoner i ID-porten/Maskinporten Selvbetjening» og godkjenn den i Altinn.',
    en: 'Applies to the organisation, not the environment: fill in the information form for Maskinporten consumers (name Altinn and Skatteetaten as API providers) and sign the terms of use ("Bruksvilkår for private verksemder") Digdir sends by e-mail. Then ask for the access "Opprette og endre integrasjoner i ID-porten/Maskinporten Selvbetjening" and approve it in Altinn.',
  },
  link: 'https://samarbeid.digdir.no/maskinporten/konsument/119',
};

function altinnScopesStep(environment: LocalizedText): PrerequisiteStep {
  return {
    text: {
      nb: `Godkjenn bruksvilkårene for sluttbrukersystemleverandør og fyll ut registreringsskjemaet for sluttbrukersystem, for ${environment.nb}. Be om altinn:authentication/systemregister.write, altinn:authentication/systemuser.request.read, altinn:authentication/systemuser.request.write og digdir:dialogporten. Digdir svarer på e-post når scopene er gitt.`,
      en: `Accept the terms for end-user system vendors and fill in the end-user system registration form, for ${environment.en}. Ask for altinn:authentication/systemregister.write, altinn:authentication/systemuser.request.read, altinn:authentication/systemuser.request.write and digdir:dialogporten. Digdir answers by e-mail when they are granted.`,
    },
    link: 'https://samarbeid.digdir.no/altinn/kom-i-gang/2868',
  };
}

function skatteetatenScopesStep(environment: LocalizedText): PrerequisiteStep {
  return {
    text: {
      nb: `Bestill hvert skatteetaten:-scope i steg 2 hos Skatteetaten for ${environment.nb}, som tjenestens side sier (brukerstøtten for sluttbrukersystemer under «Trenger du hjelp», eller e-post/skjema der siden nevner det). Oppgi organisasjonsnummeret og scopet.`,
      en: `Order each skatteetaten: scope of step 2 from Skatteetaten for ${environment.en}, as the service's page says (the end-user system support under “Trenger du hjelp”, or e-mail/form where the page names one). Give the organisation number and the scope.`,
    },
    link: 'https://www.skatteetaten.no/samarbeidspartnere/reetablering-altinn/systemleverandor/oppkobling/',
  };
}

export const PREREQUISITES: readonly Prerequisite[] = [
  {
    id: 'digdir-terms',
    title: {
      nb: 'Digdirs bruksvilkår og informasjonsskjemaet for Maskinporten',
      en: "Digdir's terms of use and the Maskinporten information form",
    },
    steps: { test: DIGDIR_TERMS_STEP, production: DIGDIR_TERMS_STEP },
    sandbox: { nb: 'ingenting å gjøre', en: 'nothing to do' },
    missingWhen: [{ code: 'SELF_SERVICE_TERMS_NOT_ACCEPTED', upstream: 'PRECONDITION_REQUIRED' }],
    sources: [
      'olefredrik/Wenche docs/oppsett.md §2a–2b (PRECONDITION_REQUIRED: "Virksomheten har ikke signert de relevante bruksvilkårene"; the form at samarbeid.digdir.no/maskinporten/konsument/119)',
      'Skatteetaten/api-dokumentasjon docs/komigang.md ("Virksomheten som skal ha tilgang må være pårullet Maskinporten")',
      'https://docs.digdir.no/docs/Maskinporten/maskinporten_checklist.html',
    ],
  },
  {
    id: 'altinn-scopes',
    title: {
      nb: 'Altinns systembruker-scopes fra Digdir (sluttbrukersystemleverandør)',
      en: "Altinn's systembruker scopes from Digdir (end-user system vendor)",
    },
    steps: {
      test: altinnScopesStep({ nb: 'testmiljøet (TT02)', en: 'the test environment (TT02)' }),
      production: altinnScopesStep({ nb: 'produksjon', en: 'production' }),
    },
    sandbox: {
      nb: 'klienten som steg 2 lager, har scopene',
      en: 'the client step 2 makes has the scopes',
    },
    missingWhen: [
      { code: 'MASKINPORTEN_SCOPE_NOT_GRANTED', upstream: 'MP-250', scopePrefixes: ALTINN_SCOPE_PREFIXES },
      { code: 'ALTINN_FORBIDDEN', upstream: 'HTTP 403 from the system register' },
    ],
    sources: [
      'https://docs.altinn.studio/nb/api/authentication/systemuserapi/scopes/ ("Du får dem tildelt … når du fyller ut registreringsskjemaet for sluttbrukersystemleverandør")',
      'olefredrik/Wenche docs/oppsett.md §2c (samarbeid.digdir.no/altinn/kom-i-gang/2868, points 0.3, 1.1, 1.3)',
      'Skatteetaten/api-dokumentasjon docs/om/systembruker.md step 2 (the Digdir scopes, digdir:dialogporten)',
    ],
  },
  {
    id: 'skatteetaten-scopes',
    title: {
      nb: 'Skatteetatens scopes for tjenestene du har valgt',
      en: "Skatteetaten's scopes for the services you chose",
    },
    steps: {
      test: skatteetatenScopesStep({ nb: 'testmiljøet', en: 'the test environment' }),
      production: skatteetatenScopesStep({ nb: 'produksjon', en: 'production' }),
    },
    sandbox: {
      nb: 'klienten får scopene til tjenestene du velger',
      en: 'the client gets the scopes of the services you choose',
    },
    missingWhen: [
      { code: 'MASKINPORTEN_SCOPE_NOT_GRANTED', upstream: 'MP-250', scopePrefixes: SKATTEETATEN_SCOPE_PREFIXES },
    ],
    sources: [
      'Skatteetaten/api-dokumentasjon docs/komigang.md ("Skatteetaten må ha gitt virksomheten tilgang til API-et")',
      'Skatteetaten/api-dokumentasjon docs/api/innrapportering-amelding.md (scope ordered through the support linked on skatteetaten.no/samarbeidspartnere/sluttbrukersystemer/a-meldingen-sbs/)',
      'olefredrik/Wenche docs/oppsett.md §2f (skatteetaten:innrapporteringaksjonaerregisteroppgave ordered in Skatteetaten support, then added to the client)',
      'https://www.skatteetaten.no/samarbeidspartnere/reetablering-altinn/systemleverandor/oppkobling/',
    ],
  },
  {
    id: 'maskinporten-client',
    title: {
      nb: 'Maskinporten-klienten med nøkkel og scopes',
      en: 'The Maskinporten client with its key and scopes',
    },
    steps: {
      test: {
        text: {
          nb: 'I Samarbeidsportalen for test: lag en Maskinporten-integrasjon på virksomhetens ekte organisasjonsnummer (også i test), legg til scopene fra steg 2, lim inn den offentlige nøkkelen fra steg 1 under «Egne public nøkler» og skriv klient-ID-en inn i steg 2.',
          en: "In Samarbeidsportalen for test: make a Maskinporten integration on the organisation's real number (in test too), add the scopes of step 2, paste the public key of step 1 under “Egne public nøkler” and enter the client id in step 2.",
        },
        link: 'https://sjolvbetjening.test.samarbeid.digdir.no',
      },
      production: {
        text: {
          nb: 'I Samarbeidsportalen: lag en Maskinporten-integrasjon, legg til scopene fra steg 2, lim inn den offentlige nøkkelen fra steg 1 under «Egne public nøkler» og skriv klient-ID-en inn i steg 2.',
          en: 'In Samarbeidsportalen: make a Maskinporten integration, add the scopes of step 2, paste the public key of step 1 under “Egne public nøkler” and enter the client id in step 2.',
        },
        link: 'https://sjolvbetjening.samarbeid.digdir.no',
      },
    },
    sandbox: {
      nb: 'steg 2 registrerer klienten i emulatoren med ett klikk',
      en: 'step 2 registers the client in the emulator with one click',
    },
    missingWhen: [
      { code: 'MASKINPORTEN_UNKNOWN_CLIENT', upstream: 'invalid_client / MP-100' },
      { code: 'MASKINPORTEN_SCOPE_NOT_ON_CLIENT', upstream: 'invalid_scope / MP-200' },
      { code: 'MASKINPORTEN_KEY_NOT_REGISTERED', upstream: 'MP-124' },
    ],
    sources: [
      'felleslosninger/docs _docs/Maskinporten/maskinporten_feilsoking.md (MP-100, MP-124, MP-200)',
      'felleslosninger/docs _docs/Maskinporten/maskinporten_sjolvbetjening_web.md ("Egne public nøkler")',
      'Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligselskap.md ("Maskinporten klient skal opprettes på reelt organisasjonsnummer, også i testmiljø")',
    ],
  },
  {
    id: 'systemuser-approval',
    title: {
      nb: 'Systembrukeren godkjent i Altinn',
      en: 'The systembruker approved in Altinn',
    },
    steps: {
      test: {
        text: {
          nb: 'Systembrukeren i test skal høre til en syntetisk organisasjon fra Tenor. Logg inn med TestID som daglig leder (DAGL) for den organisasjonen og godkjenn forespørselen fra steg 4.',
          en: 'In test the systembruker must belong to a synthetic organisation from Tenor. Log in with TestID as its general manager (DAGL) and approve the request of step 4.',
        },
        link: 'https://www.skatteetaten.no/testdata/',
      },
      production: {
        text: {
          nb: 'Noen med Hovedadministrator eller Tilgangsstyring (og rettighetene som delegeres) logger inn i Altinn og godkjenner forespørselen fra steg 4.',
          en: 'Someone with Hovedadministrator or Tilgangsstyring (and the rights delegated) logs in to Altinn and approves the request of step 4.',
        },
        link: 'https://www.altinn.no',
      },
    },
    sandbox: {
      nb: 'emulatorens godkjenningsside i steg 4 står i stedet for Altinns',
      en: "the emulator's approval page in step 4 stands in for Altinn's",
    },
    missingWhen: [
      { code: 'MASKINPORTEN_SYSTEMUSER_NOT_FOUND', upstream: 'invalid_altinn_customer_configuration / MP-303' },
      { code: 'ALTINN_AUTH_00000', upstream: 'AUTH-00000 (owner org unknown: a Tenor org in TT02)' },
    ],
    sources: [
      'Altinn/altinn-studio-docs content/authorization/guides/system-vendor/system-user/troubleshooting/errors/mp-303-error/_index.en.md',
      'https://www.skatteetaten.no/nn/samarbeidspartnere/reetablering-altinn/virksomheter/sjekkliste-rapportering-tredjepartsopplysninger-og-aksjonarregisteroppgaver ("hovedadministrator eller tilgangsstyrer, må godkjenne")',
      'Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligselskap.md ("Systembrukere i test skal registreres på syntetiske organisasjoner funnet i Tenor")',
    ],
  },
];

export function prerequisiteById(id: PrerequisiteId): Prerequisite {
  const found = PREREQUISITES.find((p) => p.id === id);
  if (!found) throw new Error(`unknown prerequisite ${id}`);
  return found;
}

/**
 * The prerequisite an error code means is missing, or undefined. A scope not granted is Digdir's or Skatteetaten's
 * to grant depending on the scope, so `scopes` (the request's) decides between them.
 */
export function missingPrerequisite(code: string, scopes: readonly string[] = []): Prerequisite | undefined {
  return PREREQUISITES.find((p) =>
    p.missingWhen.some(
      (r) =>
        r.code === code &&
        (!r.scopePrefixes || scopes.some((s) => r.scopePrefixes?.some((prefix) => s.startsWith(prefix)))),
    ),
  );
}

const PRODUCTION_HOSTS = new Set([
  'maskinporten.no',
  'platform.altinn.no',
  'sjolvbetjening.samarbeid.digdir.no',
  'api.samarbeid.digdir.no',
]);

/**
 * Which environment's steps apply to a service address (altinn-auth.md §0): the production hosts, the sandbox on
 * loopback, anything else test. A custom environment thereby follows the Maskinporten or Altinn it names.
 */
export function checklistEnvironmentOf(url: string): ChecklistEnvironment | 'sandbox' {
  const host = new URL(url).hostname;
  if (isLoopbackHost(host)) return 'sandbox';
  return PRODUCTION_HOSTS.has(host) ? 'production' : 'test';
}

/** The sentence a refusal gets appended: what is missing and where it is done (in the sandbox: what stands in). */
export function missingPrerequisiteText(
  prerequisite: Prerequisite,
  environment: ChecklistEnvironment | 'sandbox',
): LocalizedText {
  const where =
    environment === 'sandbox'
      ? { nb: `i sandkassen: ${prerequisite.sandbox.nb}`, en: `in the sandbox: ${prerequisite.sandbox.en}` }
      : {
          nb: `se sjekklisten i Oppsett, eller ${prerequisite.steps[environment].link}`,
          en: `see the checklist in Setup, or ${prerequisite.steps[environment].link}`,
        };
  return {
    nb: `Dette mangler: «${prerequisite.title.nb}» (${where.nb})`,
    en: `This is missing: “${prerequisite.title.en}” (${where.en})`,
  };
}

/** The checklist's state for one profile, as it crosses to the renderer. */
export const PrerequisiteChecklistSchema = z.object({
  environment: z.enum(['sandbox', 'test', 'production']),
  /** The prerequisites ticked as done, with when (for this environment). */
  done: z.array(z.object({ id: PrerequisiteIdSchema, at: z.iso.datetime() })),
});
export type PrerequisiteChecklist = z.infer<typeof PrerequisiteChecklistSchema>;

export const PrerequisiteTickSchema = z.object({ id: PrerequisiteIdSchema, done: z.boolean() });
export type PrerequisiteTick = z.infer<typeof PrerequisiteTickSchema>;
