import { randomUUID } from 'node:crypto';
import { checkReportFiles } from '../../reports/check-report-files';
import { serviceById } from '../../../shared/domain/services-catalogue';
import { readReportDocument } from '../../../shared/reports/read-report-document';
import type { EmulatorContext } from '../host';
import type { EmulatorRequest, EmulatorRoute } from '../router';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import { innsendingsTilbakemelding } from './amelding-feedback';
import { findingsAsSpesifisering } from './amelding-routes';
import { DialogStore } from '../dialogporten/dialog-store';
import { attachment, recordInDialogporten } from './dialogporten-records';
import { rf1086Kvittering } from './kvittering-pdf';
import {
  authorizeSystemUser,
  idempotencyKeyOf,
  idempotent,
  requireContentType,
  requireOrg,
  type SystemUserCaller,
  serveDocument,
  skeError,
} from './skatteetaten-answers';
import { skatteetatenSlice, type RegisteredSubmission, type StoredHovedskjema } from './skatteetaten-state';

const SERVICE = serviceById('aksjonaerregisteroppgave');
const PREFIX = '/skatteetaten/api/aksjonaerregister/v1';

/**
 * The RF-1086 API (skatteetaten-apis.md §2.3): main form, shareholder forms, confirmation, documents and prefill.
 * Each form is checked on arrival against its XSD; the return as a whole (sums across forms) at `bekreft`.
 */
export function aksjonaerregisterRoutes(
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  options: { feedbackDelayMs: number },
): EmulatorRoute[] {
  const auth = (req: EmulatorRequest) => authorizeSystemUser(req, ctx, authority, 'GLD', SERVICE.scope);
  const slice = () => skatteetatenSlice(ctx.state);
  const dialogs = new DialogStore(ctx.state, ctx.now);
  const documentUrl = (aar: string, forsendelseId: string, dokumentId: string) =>
    `${ctx.baseUrl()}${PREFIX}/${aar}/forsendelser/${forsendelseId}/dokumenter/${dokumentId}`;

  /** One form: readable, the expected kind, the path's year, and valid against its XSD. */
  async function checkForm(xml: string, expected: 'hovedskjema' | 'underskjema', aar: string) {
    const doc = readReportDocument(xml, `${expected}.xml`);
    if (doc.kind !== 'rf1086' || doc.form.form !== expected) {
      throw skeError(400, 'GLD_008', 'Feil i strukturen', [
        { kode: 'GLD_1001', melding: `Forventet RF-1086 ${expected}` },
      ]);
    }
    const year = doc.form.inntektsaar?.value;
    if (year !== aar) {
      throw skeError(400, 'GLD_011', 'Ugyldige metadata', [
        { kode: 'GLD_1052', melding: 'Inntektsår i path og i dokument er ulike', angittVerdi: String(year) },
      ]);
    }
    const [result] = await checkReportFiles([{ name: `${expected}.xml`, bytes: Buffer.from(xml, 'utf8') }], {
      environment: 'sandbox',
      today: ctx.now().toISOString().slice(0, 10),
    });
    // Alone, a form is checked for its structure; the sums across forms are the return's, checked at bekreft.
    const structural = (result?.findings ?? []).filter((f) => f.severity === 'error' && /^(XSD_|REPORT_)/.test(f.code));
    if (structural.length) throw skeError(400, 'GLD_008', 'Feil i strukturen', findingsAsSpesifisering(structural));
    return doc.form.organisasjonsnummer?.value ?? '';
  }

  function yearSupported(aar: string) {
    const year = Number(aar);
    if (!/^\d{4}$/.test(aar) || year > ctx.now().getUTCFullYear() || year < 2020) {
      throw skeError(400, 'GLD_006', 'Ugyldig forespørsel', [
        { kode: 'GLD_1027', melding: `Inntektsår ${aar} støttes ikke` },
      ]);
    }
  }

  function findMain(req: EmulatorRequest, caller: SystemUserCaller): StoredHovedskjema {
    const main = slice().hovedskjema[req.params.id as string];
    if (!main || !caller.parties.includes(main.org) || main.aar !== req.params.aar) {
      throw skeError(404, 'GLD_021', 'Ikke funnet', [
        { kode: 'GLD_1016', melding: 'Fant ikke hovedskjema med denne IDen for oppgavegiver og inntektsår' },
      ]);
    }
    return main;
  }

  return [
    {
      method: 'POST',
      path: `${PREFIX}/:aar/1086H`,
      handle: async (req) => {
        const caller = await auth(req);
        requireContentType(req, 'GLD', 'xml');
        const aar = req.params.aar as string;
        yearSupported(aar);
        const key = idempotencyKeyOf(req, 'GLD', true);
        return idempotent(ctx, req, 'GLD', key, async () => {
          const xml = req.text();
          const org = await checkForm(xml, 'hovedskjema', aar);
          requireOrg(caller, org, 'GLD');
          const id = randomUUID();
          slice().hovedskjema[id] = { id, aar, org, hovedskjema: xml, underskjemaer: [] };
          void ctx.state.save();
          return { status: 200, body: { hovedskjemaid: id } };
        });
      },
    },
    {
      method: 'POST',
      path: `${PREFIX}/:aar/:id/1086U`,
      handle: async (req) => {
        const caller = await auth(req);
        requireContentType(req, 'GLD', 'xml');
        const key = idempotencyKeyOf(req, 'GLD', true);
        return idempotent(ctx, req, 'GLD', key, async () => {
          const main = findMain(req, caller);
          if (main.confirmed)
            throw skeError(409, 'GLD_006', 'Ugyldig forespørsel', [
              { kode: 'GLD_1029', melding: 'Oppgaven er allerede bekreftet' },
            ]);
          const xml = req.text();
          await checkForm(xml, 'underskjema', main.aar);
          main.underskjemaer.push(xml);
          void ctx.state.save();
          return { status: 200 };
        });
      },
    },
    {
      method: 'POST',
      path: `${PREFIX}/:aar/:id/bekreft`,
      handle: async (req) => {
        const caller = await auth(req);
        const key = idempotencyKeyOf(req, 'GLD', false);
        return idempotent(ctx, req, 'GLD', key, async () => {
          const main = findMain(req, caller);
          if (main.confirmed)
            throw skeError(409, 'GLD_006', 'Ugyldig forespørsel', [
              { kode: 'GLD_1029', melding: 'Oppgaven er allerede bekreftet' },
            ]);
          if (main.underskjemaer.length === 0) {
            throw skeError(400, 'GLD_006', 'Ugyldig forespørsel', [
              { kode: 'GLD_1026', melding: 'Minst ett underskjema er påkrevet' },
            ]);
          }
          const antall = Number(req.query.get('antall_underskjema'));
          if (antall !== main.underskjemaer.length) {
            throw skeError(400, 'GLD_006', 'Ugyldig forespørsel', [
              {
                kode: 'GLD_1018',
                melding: `antall_underskjema (${antall}) er ulikt antall mottatte (${main.underskjemaer.length})`,
              },
            ]);
          }
          const [result] = await checkReportFiles(
            [main.hovedskjema, ...main.underskjemaer].map((xml, i) => ({
              name: `skjema-${i}.xml`,
              bytes: Buffer.from(xml, 'utf8'),
            })),
            { environment: 'sandbox', today: ctx.now().toISOString().slice(0, 10), profileOrg: main.org },
          );
          const findings = result?.findings ?? [];
          const errors = findings.filter((f) => f.severity === 'error');
          if (errors.length) {
            main.status = 'AVVIST';
            void ctx.state.save();
            throw skeError(400, 'GLD_010', 'Oppgaven feilet validering', findingsAsSpesifisering(errors));
          }
          return {
            status: 200,
            body: confirm(
              main,
              key ?? `bekreft-${main.id}`,
              findings.filter((f) => f.severity === 'warning'),
              caller.systemUserOrg,
            ),
          };
        });
      },
    },
    {
      method: 'GET',
      path: `${PREFIX}/prefill/:aar/:oppgavegiver`,
      handle: async (req) => {
        const caller = await auth(req);
        const org = req.params.oppgavegiver as string;
        requireOrg(caller, org, 'GLD');
        const previous = String(Number(req.params.aar) - 1);
        const last = Object.values(slice().hovedskjema)
          .filter((h) => h.org === org && h.aar === previous && h.status)
          .at(-1);
        if (!last) throw skeError(404, 'GLD_021', `Fant ingen aksjonærregisteroppgave for ${previous}`);
        const all = [last.hovedskjema, ...last.underskjemaer];
        const page = Math.max(0, Number(req.query.get('page') ?? 0) || 0);
        const size = 50;
        return {
          status: 200,
          body: {
            totalItems: all.length,
            totalPages: Math.ceil(all.length / size),
            currentPage: page,
            oppgaveStatus: last.status,
            dokumenter: all
              .slice(page * size, page * size + size)
              .map((dokument) => ({ aksjeklasse: '01', namespace: '', dokument })),
          },
        };
      },
    },
    {
      method: 'GET',
      path: `${PREFIX}/:aar/forsendelser/:forsendelseId/dokumenter`,
      handle: async (req) => {
        const caller = await auth(req);
        const documents = slice().documents[req.params.forsendelseId as string];
        if (!documents)
          throw skeError(404, 'GLD_021', 'Ikke funnet', [
            { kode: 'GLD_1061', melding: 'Det finnes ingen forsendelse med denne IDen for denne ordningen' },
          ]);
        const now = ctx.now().getTime();
        const visible = Object.entries(documents).filter(
          ([, d]) => caller.parties.includes(d.org) && Date.parse(d.availableAt) <= now,
        );
        const page = Number(req.query.get('page') ?? 0) || 0;
        const size = Math.min(50, Math.max(1, Number(req.query.get('size') ?? 50) || 50));
        return {
          status: 200,
          body: {
            totalItems: visible.length,
            totalPages: Math.ceil(visible.length / size),
            currentPage: page,
            dokumenter: visible
              .slice(page * size, page * size + size)
              .map(([dokumentId, d]) => ({ dokumentId, mediaType: d.mediaType })),
          },
        };
      },
    },
    {
      method: 'GET',
      path: `${PREFIX}/:aar/forsendelser/:forsendelseId/dokumenter/:dokumentId`,
      handle: async (req) => {
        const caller = await auth(req);
        const ids = { forsendelseId: req.params.forsendelseId ?? '', dokumentId: req.params.dokumentId ?? '' };
        return serveDocument(slice().documents, ids, caller, ctx.now(), 'GLD');
      },
    },
  ];

  function confirm(
    main: StoredHovedskjema,
    key: string,
    warnings: import('../../../shared/reports/finding').Finding[],
    systemUserOrg: string,
  ) {
    const s = slice();
    const at = ctx.now().toISOString();
    const forsendelseId = randomUUID();
    const submission: RegisteredSubmission = {
      service: 'aksjonaerregisteroppgave',
      idempotencyKey: key,
      org: main.org,
      period: main.aar,
      reference: main.id,
      dialogId: '',
      forsendelseId,
      receivedAt: at,
    };
    const docs: Record<string, { org: string; mediaType: string; content: string; availableAt: string }> = {};
    for (const xml of [main.hovedskjema, ...main.underskjemaer]) {
      docs[randomUUID()] = { org: main.org, mediaType: 'application/xml', content: xml, availableAt: at };
    }
    s.documents[forsendelseId] = docs;
    const title = `Aksjonærregisteroppgave ${main.aar}`;
    const dueAt = new Date(Date.parse(at) + options.feedbackDelayMs).toISOString();
    const feedbackId = randomUUID();
    const tilbakemeldingId = randomUUID();
    const kvitteringId = randomUUID();
    const dialogIds = recordInDialogporten(dialogs, {
      parties: [main.org, systemUserOrg],
      resource: SERVICE.resource,
      title,
      externalReference: main.id,
      at,
      submission: {
        forsendelseId,
        senderOrg: systemUserOrg,
        attachments: Object.keys(docs).map((id, i) =>
          attachment(
            i === 0 ? 'RF-1086.xml' : `RF-1086-U-${i}.xml`,
            documentUrl(main.aar, forsendelseId, id),
            'application/xml',
          ),
        ),
      },
      feedback: {
        id: feedbackId,
        dueAt,
        type: 'Acceptance',
        title: `${title}: godkjent`,
        extendedStatus: 'GODKJENT',
        attachments: [
          attachment('Tilbakemelding.json', documentUrl(main.aar, feedbackId, tilbakemeldingId), 'application/json'),
          attachment('Kvittering.pdf', documentUrl(main.aar, feedbackId, kvitteringId), 'application/pdf'),
        ],
      },
    });
    submission.dialogId = dialogIds[0] as string;
    s.submissions.push(submission);
    s.receiptsByIdempotencyKey[key] = (s.receiptsByIdempotencyKey[key] ?? 0) + 1;
    main.confirmed = { dialogId: submission.dialogId, forsendelseId };
    main.status = 'GODKJENT';
    const feedback = innsendingsTilbakemelding({
      submission,
      antallOppgaver: main.underskjemaer.length + 1,
      warnings,
      at: dueAt,
    });
    s.documents[feedbackId] = {
      [tilbakemeldingId]: {
        org: main.org,
        mediaType: 'application/json',
        content: JSON.stringify(feedback),
        availableAt: dueAt,
      },
      // A binary document beside the JSON one: the receipt as a PDF, as Skatteetaten may attach it.
      [kvitteringId]: rf1086Kvittering({
        org: main.org,
        aar: main.aar,
        hovedskjemaId: main.id,
        at,
        availableAt: dueAt,
      }),
    };
    void ctx.state.save();
    return { oppgavegiversLeveranseReferanse: main.id, dialogId: submission.dialogId, forsendelseId };
  }
}
