import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { acceptedScopes, serviceById } from '../../../shared/domain/services-catalogue';
import { checkPersonIdentifier } from '../../../shared/reports/ids/foedselsnummer';
import { isValidOrganisasjonsnummer } from '../../../shared/reports/ids/organisasjonsnummer';
import { DialogStore } from '../dialogporten/dialog-store';
import type { EmulatorContext } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import type { EmulatorRequest, EmulatorRoute } from '../router';
import { recordInDialogporten } from './dialogporten-records';
import {
  authorizeSystemUser,
  idempotencyKeyOf,
  idempotent,
  requireOrg,
  skeError,
  type Spesifisering,
} from './skatteetaten-answers';

const SERVICE = serviceById('skattekort-til-arbeidsgiver');
const PREFIX = '/skatteetaten/api/forskudd';

export interface SkattekortEmulatorOptions {
  /** The answer is never ready before this long after the order, and never on the first ask (one 204 first). */
  skattekortAnswerDelayMs: number;
  feedbackDelayMs: number;
}

/** One order as Skatteetaten keeps it. */
export interface StoredSkattekortOrder {
  bestillingsreferanse: string;
  dialogreferanse: string;
  org: string;
  inntektsaar: string;
  bestillingstype: string;
  persons: string[];
  orderedAt: string;
  /** How often the answer was asked for. */
  polls: number;
}

export interface SkattekortSlice {
  orders: Record<string, StoredSkattekortOrder>;
}

export function skattekortSlice(ctx: EmulatorContext): SkattekortSlice {
  return ctx.state.slice<SkattekortSlice>('skattekort', () => ({ orders: {} }));
}

/**
 * The order body (§3's examples); strict about what it needs, open to what it does not know. "Changes only" names
 * no employer (Skatteetaten's "Forespørsel om endringer" example, docs/api/skattekorttilarbeidsgiver.md @ 036b3fef):
 * the employer is then the systembruker's organisation. Whether Skatteetaten refuses one that does name it is not
 * known, so that is accepted too.
 */
const OrderBody = z.object({
  inntektsaar: z.union([z.string(), z.number()]).transform(String),
  bestillingstype: z.enum(['HENT_ALLE_OPPGITTE', 'HENT_KUN_ENDRING']),
  kontaktinformasjon: z.object({ epostadresse: z.string().min(3), mobiltelefonummer: z.string().optional() }),
  varslingstype: z.enum(['VARSEL_VED_FOERSTE_ENDRING', 'INGEN_VARSEL']),
  forespoerselOmSkattekortTilArbeidsgiver: z
    .object({
      arbeidsgiver: z
        .array(
          z.object({
            arbeidsgiveridentifikator: z.object({ organisasjonsnummer: z.string() }),
            arbeidstakeridentifikator: z.array(z.string()).optional(),
          }),
        )
        .min(1),
    })
    .optional(),
});

/**
 * Skattekort til arbeidsgiver (skatteetaten-apis.md §3): the order (`FOR_001` when the body does not follow the
 * schema, `FOR_002` when it does not parse, `FOR_003` for a bad parameter), and the answer: 204 until it is
 * ready (never on the first ask, so every client meets one), then 200 with a deterministic card per person.
 * The order also makes its dialog in Dialogporten, as Skatteetaten's services do (§5).
 */
export function skattekortRoutes(
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  options: SkattekortEmulatorOptions,
): EmulatorRoute[] {
  const auth = (req: EmulatorRequest) => authorizeSystemUser(req, ctx, authority, 'FOR', acceptedScopes(SERVICE.id));
  const dialogs = new DialogStore(ctx.state, ctx.now);

  return [
    {
      method: 'POST',
      path: `${PREFIX}/bestillSkattekort`,
      handle: async (req) => {
        const caller = await auth(req);
        const key = idempotencyKeyOf(req, 'FOR', false);
        return idempotent(ctx, req, 'FOR', key, () => {
          const order = readOrder(req, caller.systemUserOrg);
          requireOrg(caller, order.org, 'FOR');
          const at = ctx.now().toISOString();
          const bestillingsreferanse = randomUUID();
          const title = `Skattekort ${order.inntektsaar}`;
          const [dialogreferanse] = recordInDialogporten(dialogs, {
            parties: [order.org, caller.systemUserOrg],
            resource: SERVICE.resource,
            title,
            externalReference: bestillingsreferanse,
            at,
            submission: { forsendelseId: randomUUID(), senderOrg: caller.systemUserOrg, attachments: [] },
            feedback: {
              id: randomUUID(),
              dueAt: new Date(ctx.now().getTime() + options.feedbackDelayMs).toISOString(),
              type: 'Acceptance',
              title: `${title}: svaret er klart`,
              extendedStatus: 'SVAR_KLART',
              attachments: [],
            },
          });
          skattekortSlice(ctx).orders[bestillingsreferanse] = {
            ...order,
            bestillingsreferanse,
            dialogreferanse: dialogreferanse as string,
            orderedAt: at,
            polls: 0,
          };
          void ctx.state.save();
          return { status: 200, body: { dialogreferanse, bestillingsreferanse } };
        });
      },
    },
    {
      method: 'GET',
      path: `${PREFIX}/skattekortTilArbeidsgiver/svar/:ref`,
      handle: async (req) => {
        const caller = await auth(req);
        const ref = req.params.ref as string;
        if (!/^[0-9a-f-]{36}$/i.test(ref)) {
          throw skeError(400, 'FOR_003', 'Ugyldig parameter', [
            { kode: 'FOR_003', melding: 'bestillingsreferanse må være en UUID', angittVerdi: ref },
          ]);
        }
        const order = skattekortSlice(ctx).orders[ref];
        // "Angitt referanse ikke funnet" is a 204 too (§3): another org's order is not revealed either.
        if (!order || !caller.parties.includes(order.org)) return { status: 204 };
        order.polls += 1;
        void ctx.state.save();
        const readyAt = Date.parse(order.orderedAt) + options.skattekortAnswerDelayMs;
        if (order.polls < 2 || ctx.now().getTime() < readyAt) return { status: 204 };
        return { status: 200, body: answerTo(ctx, order) };
      },
    },
  ];
}

function readOrder(req: EmulatorRequest, systemUserOrg: string) {
  if (!/^application\/json/i.test(String(req.headers['content-type'] ?? ''))) {
    throw skeError(400, 'FOR_002', 'Kunne ikke lese forespørselen', [
      { kode: 'FOR_002', melding: 'Content-Type må være application/json' },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(req.text());
  } catch {
    throw skeError(400, 'FOR_002', 'Kunne ikke lese forespørselen', [{ kode: 'FOR_002', melding: 'Ugyldig JSON' }]);
  }
  const parsed = OrderBody.safeParse(json);
  if (!parsed.success) {
    throw skeError(
      400,
      'FOR_001',
      'Forespørselen validerer ikke mot skjema',
      parsed.error.issues.slice(0, 20).map((i) => ({ kode: 'FOR_001', melding: i.message, sti: i.path.join('.') })),
    );
  }
  const body = parsed.data;
  const problems: Spesifisering[] = [];
  // A year outside the ordering window is not refused here: the answer says UGYLDIG_INNTEKTSAAR (statusFor).
  if (!/^\d{4}$/.test(body.inntektsaar)) {
    problems.push({
      kode: 'FOR_003',
      melding: 'Ugyldig inntektsår',
      sti: 'inntektsaar',
      angittVerdi: body.inntektsaar,
    });
  }
  const employers = body.forespoerselOmSkattekortTilArbeidsgiver?.arbeidsgiver ?? [];
  if (employers.length > 1) {
    problems.push({ kode: 'FOR_003', melding: 'Én arbeidsgiver per bestilling', sti: 'arbeidsgiver' });
  }
  if (body.bestillingstype === 'HENT_ALLE_OPPGITTE' && employers.length === 0) {
    problems.push({
      kode: 'FOR_003',
      melding: 'HENT_ALLE_OPPGITTE krever forespoerselOmSkattekortTilArbeidsgiver',
      sti: 'forespoerselOmSkattekortTilArbeidsgiver',
    });
  }
  const employer = employers[0];
  const org = employer?.arbeidsgiveridentifikator.organisasjonsnummer ?? systemUserOrg;
  const persons = employer?.arbeidstakeridentifikator ?? [];
  if (!isValidOrganisasjonsnummer(org)) {
    problems.push({
      kode: 'FOR_003',
      melding: 'Ugyldig organisasjonsnummer',
      sti: 'organisasjonsnummer',
      angittVerdi: org,
    });
  }
  if (body.bestillingstype === 'HENT_ALLE_OPPGITTE' && employer && persons.length === 0) {
    problems.push({
      kode: 'FOR_003',
      melding: 'HENT_ALLE_OPPGITTE krever arbeidstakere',
      sti: 'arbeidstakeridentifikator',
    });
  }
  if (problems.length) throw skeError(400, 'FOR_003', 'Ugyldig parameter', problems);
  return {
    org,
    inntektsaar: body.inntektsaar,
    bestillingstype: body.bestillingstype,
    persons: [...new Set(persons)],
  };
}

/**
 * When Skatteetaten takes orders for a year, as NAV's runbook for UGYLDIG_INNTEKTSAAR puts it: next year's cards not
 * before 15 December, last year's not after June (navikt/sokos-skattekort, the alert text for UGYLDIG_INNTEKTSAAR).
 */
export function incomeYearOpen(inntektsaar: string, at: Date): boolean {
  const year = Number(inntektsaar);
  const now = at.getUTCFullYear();
  if (year === now) return true;
  if (year === now + 1) return at.getUTCMonth() === 11 && at.getUTCDate() >= 15;
  if (year === now - 1) return at.getUTCMonth() <= 5;
  return false;
}

/**
 * The answer's status and, with FORESPOERSEL_OK, the cards. The statuses are NAV's (navikt/sokos-skattekort
 * ResponseStatus.kt @ 0f7ba851); the others come alone, as `{"status":"UGYLDIG_INNTEKTSAAR"}` does in its fixture
 * src/test/resources/skatteetaten/hentSkattekort/ugyldig_inntektsaar.json. For "changes only", the persons this
 * employer ordered before for the year are the ones whose cards "changed".
 */
function answerTo(ctx: EmulatorContext, order: StoredSkattekortOrder) {
  if (!incomeYearOpen(order.inntektsaar, new Date(order.orderedAt))) return { status: 'UGYLDIG_INNTEKTSAAR' };
  if (order.bestillingstype !== 'HENT_KUN_ENDRING') return answerFor(order, order.persons);
  // Orders are kept in the order they came (a frozen test clock gives them all the same time).
  const all = Object.values(skattekortSlice(ctx).orders);
  const earlier = all
    .slice(
      0,
      all.findIndex((o) => o.bestillingsreferanse === order.bestillingsreferanse),
    )
    .filter((o) => o.org === order.org && o.inntektsaar === order.inntektsaar);
  if (earlier.length === 0) return { status: 'ENDRINGSFORESPOERSEL_UTEN_TIDLIGERE_BESTILLING' };
  const persons = [...new Set(earlier.flatMap((o) => o.persons))];
  return persons.length ? answerFor(order, persons) : { status: 'INGEN_ENDRINGER' };
}

/** A realistic answer, the same every time for the same person and year (numbers as strings, as in §3). */
export function answerFor(order: StoredSkattekortOrder, persons: string[]) {
  const utstedtDato = `${order.inntektsaar}-01-0${1 + (Number(order.inntektsaar) % 5)}`;
  return {
    status: 'FORESPOERSEL_OK',
    arbeidsgiver: [
      {
        arbeidsgiveridentifikator: { organisasjonsnummer: order.org },
        arbeidstaker: persons.map((id) => cardFor(id, order.inntektsaar, utstedtDato)),
      },
    ],
  };
}

function cardFor(id: string, inntektsaar: string, utstedtDato: string) {
  const base = { inntektsaar, arbeidstakeridentifikator: id };
  if (!checkPersonIdentifier(id).valid) return { ...base, resultatForSkattekort: 'ugyldigFoedselsEllerDnummer' };
  const h = createHash('sha256').update(`${id}/${inntektsaar}`).digest();
  const pick = (h[0] as number) % 10;
  if (pick === 8) return { ...base, resultatForSkattekort: 'ikkeSkattekort' };
  const card = (forskuddstrekk: unknown[]) => ({
    utstedtDato,
    skattekortidentifikator: String(100_000 + (h.readUInt32BE(4) % 900_000)),
    forskuddstrekk,
  });
  const months = '10.5';
  if (pick <= 4) {
    const tabell = String(8000 + (h.readUInt16BE(8) % 400));
    return {
      ...base,
      resultatForSkattekort: 'skattekortopplysningerOK',
      skattekort: card([
        {
          trekkode: 'LOENN_FRA_HOVEDARBEIDSGIVER',
          trekktabell: {
            tabellnummer: tabell,
            prosentsats: String(30 + ((h[1] as number) % 16)),
            antallMaanederForTrekk: months,
          },
        },
        {
          trekkode: 'PENSJON',
          trekktabell: {
            tabellnummer: String(Number(tabell) - 1000 + 100),
            prosentsats: '29',
            antallMaanederForTrekk: '12',
          },
        },
      ]),
    };
  }
  if (pick <= 6 || pick === 9) {
    return {
      ...base,
      resultatForSkattekort: 'skattekortopplysningerOK',
      skattekort: card([
        {
          trekkode: pick === 9 ? 'LOENN_FRA_HOVEDARBEIDSGIVER' : 'LOENN_FRA_BIARBEIDSGIVER',
          trekkprosent: {
            prosentsats: pick === 9 ? '25' : String(25 + ((h[1] as number) % 26)),
            antallMaanederForTrekk: '12',
          },
        },
      ]),
      ...(pick === 9 ? { tilleggsopplysning: ['kildeskattPaaLoenn'] } : {}),
    };
  }
  return {
    ...base,
    resultatForSkattekort: 'skattekortopplysningerOK',
    skattekort: card([{ trekkode: 'LOENN_FRA_HOVEDARBEIDSGIVER', frikort: { frikortbeloep: '65000' } }]),
  };
}
