import { randomUUID } from 'node:crypto';
import type { Finding } from '../../../shared/reports/finding';
import { checkMeldingText } from '../../../shared/tredjepart/check-melding';
import { SCHEME_IDS, schemeById, schemeResource, schemeScope, type SchemeId } from '../../../shared/tredjepart/schemes';
import { DialogStore } from '../dialogporten/dialog-store';
import type { EmulatorContext } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import type { EmulatorRequest, EmulatorRoute } from '../router';
import { gldTilbakemelding } from './amelding-feedback';
import { attachment, recordInDialogporten } from './dialogporten-records';
import {
  authorizeSystemUser,
  idempotencyKeyOf,
  idempotent,
  requireContentType,
  requireOrg,
  serveDocument,
  skeError,
  type SystemUserCaller,
} from './skatteetaten-answers';
import { skatteetatenSlice } from './skatteetaten-state';
import {
  tpoFileReceptionRoutes,
  type FileReceptionEmulatorOptions,
  type RegisterMelding,
} from './tpo-file-reception-routes';
import { asSpesifisering } from './tredjepart-spesifisering';
import { tredjepartSlice, type RegisteredTredjepart } from './tredjepart-state';

/**
 * The "innrapportering" APIs of every registered scheme (§6), below the environments table's sandbox template
 * `/skatteetaten/innrapportering{scheme}/v1`: `POST /{inntektsaar}` checked with the project's own rules, and the
 * document endpoint. An accepted melding gets its dialogs in Dialogporten and, a moment later, Skatteetaten's
 * feedback (a GLD innsendingstilbakemelding, §2.5) as a document on the feedback transmission.
 */
export function tredjepartRoutes(
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  options: { feedbackDelayMs: number; directLimitBytes: number } & FileReceptionEmulatorOptions,
): EmulatorRoute[] {
  const dialogs = new DialogStore(ctx.state, ctx.now);
  const registerUpload: RegisterMelding = (r) => {
    const aar = r.checked.summary?.inntektsaar ?? '';
    const body = register(r.scheme, r.caller, r.key, r.json, aar, r.checked, r.file);
    return { dialogId: body.dialogId, forsendelseId: body.forsendelseId, reference: body.reference };
  };
  return [
    ...SCHEME_IDS.flatMap((scheme) => routesFor(scheme)),
    ...tpoFileReceptionRoutes(ctx, authority, options, registerUpload),
  ];

  function routesFor(scheme: SchemeId): EmulatorRoute[] {
    const prefix = `/skatteetaten/innrapportering${schemeById(scheme).apiName}/v1`;
    const auth = (req: EmulatorRequest) => authorizeSystemUser(req, ctx, authority, 'GLD', schemeScope(scheme));
    return [
      {
        method: 'POST',
        path: `${prefix}/:aar`,
        handle: async (req) => {
          const caller = await auth(req);
          requireContentType(req, 'GLD', 'json');
          const aar = req.params.aar as string;
          yearSupported(aar);
          const key = idempotencyKeyOf(req, 'GLD', true) as string;
          return idempotent(ctx, req, 'GLD', key, () => {
            // "Maksimal størrelse på request body er 10 mb" (innrapportering-aksjesparekonto.md, "Om tjenesten").
            if (req.body.byteLength > options.directLimitBytes) {
              throw skeError(413, 'GLD_006', 'Feil i request', [
                {
                  kode: 'GLD_1022',
                  melding: `Innsendingen er større enn ${options.directLimitBytes} byte; bruk filopplastings-APIet`,
                },
              ]);
            }
            const body = req.text();
            const checked = checkMeldingText(body, {
              scheme,
              environment: 'sandbox',
              today: ctx.now().toISOString().slice(0, 10),
            });
            const structural = checked.findings.filter((f) => /^TREDJEPART_(JSON_INVALID|STRUCTURE)$/.test(f.code));
            if (structural.length || !checked.summary) {
              throw skeError(400, 'GLD_008', 'Strukturell feil i tilknyttet dataformat', asSpesifisering(structural));
            }
            const years = checked.leveranser.map((l) => l.leveranse.inntektsaar);
            if (years.some((y) => y !== aar)) {
              throw skeError(400, 'GLD_011', 'Feil i metadata', [
                {
                  kode: 'GLD_1052',
                  melding: 'Inntektsår i path og i innsending er ulike',
                  angittVerdi: years.find((y) => y !== aar) ?? '',
                },
              ]);
            }
            const org = checked.summary.oppgavegiver ?? '';
            if (/^\d{9}$/.test(org)) requireOrg(caller, org, 'GLD');
            const errors = checked.findings.filter((f) => f.severity === 'error');
            if (errors.length)
              throw skeError(400, 'GLD_010', 'Feil i forbindelse med validering av payload', asSpesifisering(errors));
            const { reference: _reference, ...receipt } = register(scheme, caller, key, body, aar, checked);
            return { status: 200, body: receipt };
          });
        },
      },
      {
        method: 'GET',
        path: `${prefix}/forsendelser/:forsendelseId/dokumenter/:dokumentId`,
        handle: async (req) => {
          const caller = await auth(req);
          const ids = { forsendelseId: req.params.forsendelseId ?? '', dokumentId: req.params.dokumentId ?? '' };
          return serveDocument(skatteetatenSlice(ctx.state).documents, ids, caller, ctx.now(), 'GLD');
        },
      },
    ];
  }

  function yearSupported(aar: string) {
    const year = Number(aar);
    if (!/^\d{4}$/.test(aar) || year > ctx.now().getUTCFullYear() || year < 2020) {
      throw skeError(400, 'GLD_006', 'Feil i request', [
        { kode: 'GLD_1027', melding: `Inntektsår ${aar} støttes ikke` },
      ]);
    }
  }

  function register(
    scheme: SchemeId,
    caller: SystemUserCaller,
    key: string,
    body: string,
    aar: string,
    checked: ReturnType<typeof checkMeldingText>,
    file?: { content: string; mediaType: string; name: string },
  ) {
    const summary = checked.summary as NonNullable<typeof checked.summary>;
    const org = summary.oppgavegiver ?? caller.systemUserOrg;
    const at = ctx.now().toISOString();
    const forsendelseId = randomUUID();
    const reference = summary.oppgavegiversLeveranseReferanse ?? forsendelseId;
    const def = schemeById(scheme);
    const base = `${ctx.baseUrl()}/skatteetaten/innrapportering${def.apiName}/v1`;
    const documentUrl = (f: string, d: string) => `${base}/forsendelser/${f}/dokumenter/${d}`;
    const s = skatteetatenSlice(ctx.state);
    const submittedDocument = randomUUID();
    const submitted = file ?? { content: body, mediaType: 'application/json', name: `${def.apiName}.json` };
    s.documents[forsendelseId] = {
      [submittedDocument]: { org, mediaType: submitted.mediaType, content: submitted.content, availableAt: at },
    };
    const dueAt = new Date(Date.parse(at) + options.feedbackDelayMs).toISOString();
    const feedbackId = randomUUID();
    const tilbakemeldingId = randomUUID();
    const warnings = checked.findings.filter((f) => f.severity === 'warning');
    const title = `${def.title.nb} ${aar}`;
    const dialogIds = recordInDialogporten(dialogs, {
      parties: [org, caller.systemUserOrg],
      resource: schemeResource(scheme),
      title,
      externalReference: reference,
      at,
      submission: {
        forsendelseId,
        senderOrg: caller.systemUserOrg,
        attachments: [attachment(submitted.name, documentUrl(forsendelseId, submittedDocument), submitted.mediaType)],
      },
      feedback: {
        id: feedbackId,
        dueAt,
        type: 'Acceptance',
        title: `${title}: godkjent`,
        extendedStatus: 'GODKJENT',
        attachments: [attachment('Tilbakemelding.json', documentUrl(feedbackId, tilbakemeldingId), 'application/json')],
      },
    });
    const registered: RegisteredTredjepart = {
      scheme,
      idempotencyKey: key,
      org,
      inntektsaar: aar,
      reference,
      dialogId: dialogIds[0] as string,
      forsendelseId,
      antallOppgaver: summary.antallOppgaver,
      receivedAt: at,
    };
    const t = tredjepartSlice(ctx.state);
    t.submissions.push(registered);
    t.receiptsByIdempotencyKey[key] = (t.receiptsByIdempotencyKey[key] ?? 0) + 1;
    s.documents[feedbackId] = {
      [tilbakemeldingId]: {
        org,
        mediaType: 'application/json',
        content: JSON.stringify(tilbakemelding(registered, warnings, dueAt)),
        availableAt: dueAt,
      },
    };
    void ctx.state.save();
    if (def.receipt === 'per-formaal') {
      return { dialogId: registered.dialogId, forsendelseId, reference, leveranseformaal: perFormaal(body, reference) };
    }
    return {
      dialogId: registered.dialogId,
      forsendelseId,
      reference,
      oppgavegiversLeveranseReferanse: reference,
      antallOppgaver: summary.antallOppgaver,
    };
  }
}

/**
 * Boligselskap's receipt: one entry per leveranse (each has its formål), with its reference and counts, as in
 * Skatteetaten/api-dokumentasjon docs/api/innrapportering-boligselskap.md @ a147dc2c ("Eksempel på respons").
 */
function perFormaal(body: string, reference: string) {
  const melding = JSON.parse(body) as { leveranse?: unknown };
  const leveranser = (Array.isArray(melding.leveranse) ? melding.leveranse : [melding.leveranse]).filter(
    (l): l is Record<string, unknown> => typeof l === 'object' && l !== null,
  );
  const count = (x: unknown) => (Array.isArray(x) ? x.length : 0);
  return leveranser.map((l) => ({
    ...(typeof l.boligselskapFormaal === 'string' ? { boligselskapFormaal: l.boligselskapFormaal } : {}),
    oppgavegiversLeveranseReferanse:
      typeof l.oppgavegiversLeveranseReferanse === 'string' ? l.oppgavegiversLeveranseReferanse : reference,
    antallSletteoppgaver: count(l.sletteoppgave),
    antallOppgaver: count(l.oppgave),
  }));
}

/**
 * The GLD innsendingstilbakemelding v2 (§2.5; its use for the JSON APIs is UNCONFIRMED) for an accepted melding,
 * with `oppgavetype` naming the scheme so the feedback page can say which report it answers.
 */
export function tilbakemelding(registered: RegisteredTredjepart, warnings: readonly Finding[], at: string) {
  return gldTilbakemelding({ ...registered, oppgavetype: registered.scheme }, warnings, at, { namePaths: true });
}
