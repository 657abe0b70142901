import { randomUUID } from 'node:crypto';
import { checkReportFiles } from '../../reports/check-report-files';
import { serviceById } from '../../../shared/domain/services-catalogue';
import type { AMeldingCheckResult } from '../../../shared/reports/check-result';
import type { Finding } from '../../../shared/reports/finding';
import type { EmulatorContext } from '../host';
import type { EmulatorRequest, EmulatorRoute } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { aMeldingTilbakemelding } from './amelding-feedback';
import { DialogStore } from '../dialogporten/dialog-store';
import { attachment, recordInDialogporten } from './dialogporten-records';
import {
  authorizeSystemUser,
  idempotencyKeyOf,
  idempotent,
  requireContentType,
  requireOrg,
  serveDocument,
  skeError,
  type Spesifisering,
  type SystemUserCaller,
} from './skatteetaten-answers';
import { skatteetatenSlice, type RegisteredSubmission, type StoredUpload } from './skatteetaten-state';
import { uploadRoutes } from './upload-routes';

export interface AMeldingEmulatorOptions {
  /** The REST route refuses bodies over this (the upload API takes them). */
  directLimitBytes: number;
  /** How long an upload stays LASTER_OPP before its validation result shows. */
  uploadValidationMs: number;
  /** An upload not sent in within this long is gone (404 `_021`). UNCONFIRMED: the real lifetime is not published. */
  uploadExpiryMs: number;
  /** How long after the receipt the feedback transmission appears in Dialogporten. */
  feedbackDelayMs: number;
}

const SERVICE = serviceById('a-melding');
const PREFIX = '/skatteetaten/innrapporteringamelding/v1';

/** The a-melding REST and upload APIs (skatteetaten-apis.md §1.3–1.5), validating with the project's own checks. */
export function aMeldingRoutes(
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  options: AMeldingEmulatorOptions,
): EmulatorRoute[] {
  const auth = (req: EmulatorRequest) => authorizeSystemUser(req, ctx, authority, 'AMLD', SERVICE.scope);
  const slice = () => skatteetatenSlice(ctx.state);
  const dialogs = new DialogStore(ctx.state, ctx.now);
  const documentUrl = (forsendelseId: string, dokumentId: string) =>
    `${ctx.baseUrl()}${PREFIX}/forsendelser/${forsendelseId}/dokumenter/${dokumentId}`;

  async function check(body: string, pathOrg?: string, pathMonth?: string) {
    let json: { leveranse?: { opplysningspliktig?: { norskIdentifikator?: unknown }; kalendermaaned?: unknown } };
    try {
      json = JSON.parse(body) as typeof json;
    } catch {
      throw skeError(400, 'AMLD_006', 'Ugyldig forespørsel', [{ kode: 'AMLD_1032', melding: 'Feil i JSON-innhold' }]);
    }
    const bodyOrg = json?.leveranse?.opplysningspliktig?.norskIdentifikator;
    const bodyMonth = json?.leveranse?.kalendermaaned;
    if (pathOrg !== undefined && bodyOrg !== pathOrg) {
      throw skeError(400, 'AMLD_011', 'Ugyldige metadata', [
        {
          kode: 'AMLD_1051',
          melding: 'Opplysningspliktig i path og i innsending er ulike',
          angittVerdi: String(bodyOrg),
        },
      ]);
    }
    if (pathMonth !== undefined && bodyMonth !== pathMonth) {
      throw skeError(400, 'AMLD_011', 'Ugyldige metadata', [
        {
          kode: 'AMLD_1052',
          melding: 'Periode (kalendermåned) i path og i innsending er ulike',
          angittVerdi: String(bodyMonth),
        },
      ]);
    }
    const now = ctx.now();
    const known = ctx.state
      .readOnly(slice().submissions)
      .filter((s) => s.service === 'a-melding')
      .map((s) => ({
        meldingsId: s.reference,
        kalendermaaned: s.period,
        opplysningspliktig: s.org,
        ...(s.replaces ? { erstatterMeldingsId: s.replaces } : {}),
        status: { kind: 'sent' as const, at: s.receivedAt, receipt: s.forsendelseId },
      }));
    const [result] = await checkReportFiles([{ name: 'leveranse.json', bytes: Buffer.from(body, 'utf8') }], {
      environment: 'sandbox',
      today: now.toISOString().slice(0, 10),
      knownMessages: known,
      now: () => now,
    });
    if (!result || result.kind !== 'amelding') {
      throw skeError(400, 'AMLD_008', 'Feil i strukturen', findingsAsSpesifisering(result?.findings ?? []));
    }
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0 || !result.summary) {
      throw skeError(400, 'AMLD_010', 'Innsendingen feilet validering', findingsAsSpesifisering(errors));
    }
    return result as AMeldingCheckResult & { summary: NonNullable<AMeldingCheckResult['summary']> };
  }

  /** Registers an accepted a-melding: the receipt, the dialogs, the feedback a moment later. */
  function register(caller: SystemUserCaller, key: string, checked: Awaited<ReturnType<typeof check>>, body: string) {
    const s = slice();
    const summary = checked.summary;
    const at = ctx.now().toISOString();
    const forsendelseId = randomUUID();
    const submission: RegisteredSubmission = {
      service: 'a-melding',
      idempotencyKey: key,
      org: summary.opplysningspliktig,
      period: summary.kalendermaaned,
      reference: summary.meldingsId,
      dialogId: '',
      forsendelseId,
      receivedAt: at,
      ...(summary.erstatterMeldingsId ? { replaces: summary.erstatterMeldingsId } : {}),
      totals: { arbeidsgiveravgift: summary.totals.arbeidsgiveravgift, forskuddstrekk: summary.totals.forskuddstrekk },
    };
    const innsendingId = randomUUID();
    s.documents[forsendelseId] = {
      [innsendingId]: { org: submission.org, mediaType: 'application/json', content: body, availableAt: at },
    };
    const title = `A-melding ${summary.kalendermaaned}`;
    const warnings = checked.findings.filter((f) => f.severity === 'warning');
    const dueAt = new Date(Date.parse(at) + options.feedbackDelayMs).toISOString();
    const feedbackId = randomUUID();
    const tilbakemeldingId = randomUUID();
    const dialogIds = recordInDialogporten(dialogs, {
      parties: [summary.opplysningspliktig, caller.systemUserOrg],
      resource: SERVICE.resource,
      title,
      externalReference: summary.meldingsId,
      at,
      submission: {
        forsendelseId,
        senderOrg: caller.systemUserOrg,
        attachments: [
          attachment('Innsendt a-melding.json', documentUrl(forsendelseId, innsendingId), 'application/json'),
        ],
      },
      feedback: {
        id: feedbackId,
        dueAt,
        type: 'Acceptance',
        title: warnings.length ? `${title}: mottatt med avvik` : `${title}: mottatt`,
        extendedStatus: warnings.length ? 'MOTTATT_MED_AVVIK' : 'MOTTATT',
        attachments: [attachment('Tilbakemelding.json', documentUrl(feedbackId, tilbakemeldingId), 'application/json')],
      },
    });
    submission.dialogId = dialogIds[0] as string;
    s.submissions.push(submission);
    s.receiptsByIdempotencyKey[key] = (s.receiptsByIdempotencyKey[key] ?? 0) + 1;
    const meldingKey = `${submission.org}/${submission.reference}`;
    s.receiptsByMeldingsId[meldingKey] = (s.receiptsByMeldingsId[meldingKey] ?? 0) + 1;

    // The tilbakemelding is made now from the same checks, and served from the time the transmission shows.
    // One pass for what was replaced, not one per delivery: a request's cost must not grow with the square of them.
    const sameOrg = ctx.state
      .readOnly(s.submissions)
      .filter((x) => x.service === 'a-melding' && x.org === submission.org);
    const replaced = new Set(sameOrg.map((x) => x.replaces).filter((r): r is string => r !== undefined));
    const monthDeliveries = sameOrg
      .filter((x) => x.period === submission.period)
      .map((x) => ({
        meldingsId: x.reference,
        replaced: replaced.has(x.reference),
        summary: x.totals ?? { arbeidsgiveravgift: 0, forskuddstrekk: 0 },
      }));
    const document = aMeldingTilbakemelding({ submission, summary, warnings, monthDeliveries, at: dueAt });
    s.documents[feedbackId] = {
      [tilbakemeldingId]: {
        org: submission.org,
        mediaType: 'application/json',
        content: JSON.stringify(document),
        availableAt: dueAt,
      },
    };
    void ctx.state.save();
    return { dialogId: submission.dialogId, forsendelseId, meldingsId: summary.meldingsId };
  }

  return [
    {
      method: 'POST',
      path: `${PREFIX}/innsending/:kalendermaaned/:opplysningspliktig`,
      handle: async (req) => {
        const caller = await auth(req);
        requireOrg(caller, req.params.opplysningspliktig as string, 'AMLD');
        requireContentType(req, 'AMLD', 'json');
        const key = idempotencyKeyOf(req, 'AMLD', true) as string;
        return idempotent(ctx, req, 'AMLD', key, async () => {
          const body = req.text();
          if (req.body.byteLength > options.directLimitBytes) {
            throw skeError(413, 'AMLD_006', 'Ugyldig forespørsel', [
              {
                kode: 'AMLD_1022',
                melding: `Innsendingen er større enn ${options.directLimitBytes} byte; bruk filopplasting-APIet`,
              },
            ]);
          }
          const checked = await check(body, req.params.opplysningspliktig, req.params.kalendermaaned);
          return { status: 200, body: register(caller, key, checked, body) };
        });
      },
    },
    ...uploadRoutes<StoredUpload>({
      ctx,
      prefix: PREFIX,
      codes: 'AMLD',
      auth,
      uploads: () => slice().uploads,
      expiryMs: options.uploadExpiryMs,
      receive: async (req, caller) => {
        requireContentType(req, 'AMLD', 'json');
        const body = req.text();
        const org = /"norskIdentifikator"\s*:\s*"(\d{9})"/.exec(body)?.[1];
        requireOrg(caller, org ?? '', 'AMLD');
        const now = ctx.now();
        let feilliste: StoredUpload['feilliste'] = null;
        try {
          await check(body);
        } catch (error) {
          const b = (error as { response?: { body?: { kode?: string; spesifisering?: Spesifisering[] } } }).response
            ?.body;
          feilliste = b?.spesifisering?.length
            ? b.spesifisering
            : [{ kode: b?.kode ?? 'AMLD_010', melding: 'Validering feilet' }];
        }
        return {
          id: randomUUID(),
          org: org as string,
          body,
          createdAt: now.toISOString(),
          validatedAt: new Date(now.getTime() + options.uploadValidationMs).toISOString(),
          feilliste,
          submitted: false,
        };
      },
      submit: async (upload, caller, key) => {
        const checked = await check(upload.body);
        return { status: 200, body: register(caller, key, checked, upload.body) };
      },
    }),
    {
      method: 'GET',
      path: `${PREFIX}/forsendelser/:forsendelseId/dokumenter/:dokumentId`,
      handle: async (req) => {
        const caller = await auth(req);
        const ids = { forsendelseId: req.params.forsendelseId ?? '', dokumentId: req.params.dokumentId ?? '' };
        return serveDocument(slice().documents, ids, caller, ctx.now(), 'AMLD');
      },
    },
  ];
}

export function findingsAsSpesifisering(findings: readonly Finding[]): Spesifisering[] {
  return findings.slice(0, 50).map((f) => ({
    kode: f.code,
    melding: f.message.nb,
    ...(f.path ? { sti: f.path } : {}),
  }));
}
