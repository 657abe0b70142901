import { randomUUID } from 'node:crypto';
import { TPO_FILE_RECEPTION_SCOPE } from '../../../shared/domain/services-catalogue';
import { checkMeldingText } from '../../../shared/tredjepart/check-melding';
import { readFileReceptionXml } from '../../../shared/tredjepart/file-reception-xml';
import type { SchemeId } from '../../../shared/tredjepart/schemes';
import type { EmulatorContext } from '../host';
import type { SandboxTokenAuthority } from '../maskinporten/token-authority';
import type { EmulatorRequest, EmulatorRoute } from '../router';
import {
  authorizeSystemUser,
  idempotencyKeyOf,
  idempotent,
  requireContentType,
  requireOrg,
  skeError,
  type SystemUserCaller,
} from './skatteetaten-answers';
import { asSpesifisering } from './tredjepart-spesifisering';
import { tredjepartSlice, type TredjepartUpload } from './tredjepart-state';

export interface FileReceptionEmulatorOptions {
  /** How long an upload stays LASTER_OPP before its validation result shows. */
  uploadValidationMs: number;
  /** An upload not sent in within this long is gone (404 GLD_021). UNCONFIRMED: the real lifetime is not published. */
  uploadExpiryMs: number;
}

/** Registers a checked melding as the scheme's JSON API would, returning its receipt's ids. */
export type RegisterMelding = (request: {
  scheme: SchemeId;
  caller: SystemUserCaller;
  key: string;
  json: string;
  file: { content: string; mediaType: string; name: string };
  checked: ReturnType<typeof checkMeldingText>;
}) => { dialogId: string; forsendelseId: string; reference: string };

/**
 * The TPO file reception (Skatteetaten/api-dokumentasjon docs/api/innrapportering-tpo-filmottak.md @ 0a722698):
 * `POST /opplastinger` (XML, GLD_1031 otherwise; the namespace names the scheme), `GET` and `DELETE
 * /opplastinger/{id}`, `PUT /innsending`. An upload is checked with the scheme's own rules; a melding with errors
 * ends `VALIDERING_FEILET` with them in `feilliste`; one sent in is registered as the scheme's JSON API registers it,
 * with the same dialogs and feedback. The receipt is the page's: `{dialogId, forsendelseId,
 * oppgavegiversLeveranseReferanse}`.
 */
export function tpoFileReceptionRoutes(
  ctx: EmulatorContext,
  authority: SandboxTokenAuthority,
  options: FileReceptionEmulatorOptions,
  register: RegisterMelding,
): EmulatorRoute[] {
  const prefix = '/skatteetaten/innrapporteringtpofilmottak/v1';
  const auth = (req: EmulatorRequest) => authorizeSystemUser(req, ctx, authority, 'GLD', TPO_FILE_RECEPTION_SCOPE);
  const uploads = () => tredjepartSlice(ctx.state).uploads;

  /** The caller's upload, or 404 GLD_021 when there is none (never made, deleted, or expired unsent). */
  function uploadOf(caller: SystemUserCaller, id: string): TredjepartUpload {
    const upload = uploads()[id];
    const expired =
      upload && !upload.submitted && Date.parse(upload.createdAt) + options.uploadExpiryMs <= ctx.now().getTime();
    if (upload && expired) {
      delete uploads()[id];
      void ctx.state.save();
    }
    if (!upload || expired || upload.org !== caller.systemUserOrg) {
      throw skeError(404, 'GLD_021', 'Finner ikke forespurt ressurs', [
        { kode: 'GLD_1023', melding: 'Finner ingen ressurs for denne URL-en', angittVerdi: id },
      ]);
    }
    return upload;
  }

  return [
    {
      method: 'POST',
      path: `${prefix}/opplastinger`,
      handle: async (req) => {
        const caller = await auth(req);
        requireContentType(req, 'GLD', 'xml');
        const file = req.text();
        const read = readFileReceptionXml(file);
        if (!read.ok) {
          throw skeError(400, 'GLD_008', 'Strukturell feil i tilknyttet dataformat', [
            { kode: 'GLD_1001', melding: 'Feil i xml innhold' },
          ]);
        }
        const checked = checkMeldingText(read.json, {
          scheme: read.scheme,
          environment: 'sandbox',
          today: ctx.now().toISOString().slice(0, 10),
        });
        const org = checked.summary?.oppgavegiver ?? '';
        if (/^\d{9}$/.test(org)) requireOrg(caller, org, 'GLD');
        const errors = checked.findings.filter((f) => f.severity === 'error');
        const now = ctx.now();
        const id = randomUUID();
        uploads()[id] = {
          id,
          scheme: read.scheme,
          org: caller.systemUserOrg,
          file,
          melding: read.json,
          createdAt: now.toISOString(),
          validatedAt: new Date(now.getTime() + options.uploadValidationMs).toISOString(),
          feilliste: errors.length ? asSpesifisering(errors) : null,
          submitted: false,
        };
        const t = tredjepartSlice(ctx.state);
        t.uploadsReceived += 1;
        void ctx.state.save();
        return { status: 200, body: { status: 'LASTER_OPP', id, feilliste: null, sistOppdatertTidspunkt: null } };
      },
    },
    {
      method: 'GET',
      path: `${prefix}/opplastinger/:id`,
      handle: async (req) => {
        const upload = uploadOf(await auth(req), req.params.id ?? '');
        const ready = Date.parse(upload.validatedAt) <= ctx.now().getTime();
        const status = !ready ? 'LASTER_OPP' : upload.feilliste ? 'VALIDERING_FEILET' : 'KLAR_TIL_INNSENDING';
        return {
          status: 200,
          body: [
            {
              status,
              id: upload.id,
              feilliste: ready ? (upload.feilliste ?? []) : null,
              sistOppdatertTidspunkt: ready ? upload.validatedAt : null,
            },
          ],
        };
      },
    },
    {
      method: 'DELETE',
      path: `${prefix}/opplastinger/:id`,
      handle: async (req) => {
        const upload = uploadOf(await auth(req), req.params.id ?? '');
        delete uploads()[upload.id];
        void ctx.state.save();
        return { status: 200 };
      },
    },
    {
      method: 'PUT',
      path: `${prefix}/innsending`,
      handle: async (req) => {
        const caller = await auth(req);
        requireContentType(req, 'GLD', 'json');
        const key = idempotencyKeyOf(req, 'GLD', true) as string;
        let id = '';
        try {
          id = String((req.json() as { id?: unknown }).id ?? '');
        } catch {
          // An unreadable body names no upload: 404 below.
        }
        const upload = uploadOf(caller, id);
        // Not validated yet is answered before the key is spent, so the same call can be made again.
        if (Date.parse(upload.validatedAt) > ctx.now().getTime()) {
          throw skeError(409, 'GLD_006', 'Feil i request', [
            { kode: 'GLD_1022', melding: 'Opplastingen er ikke ferdig validert' },
          ]);
        }
        return idempotent(ctx, req, 'GLD', key, () => {
          if (upload.feilliste) {
            throw skeError(400, 'GLD_010', 'Feil i forbindelse med validering av payload', upload.feilliste);
          }
          if (upload.submitted) throw skeError(409, 'GLD_006', 'Opplastingen er allerede sendt inn');
          const checked = checkMeldingText(upload.melding, {
            scheme: upload.scheme,
            environment: 'sandbox',
            today: ctx.now().toISOString().slice(0, 10),
          });
          const receipt = register({
            scheme: upload.scheme,
            caller,
            key,
            json: upload.melding,
            file: { content: upload.file, mediaType: 'application/xml', name: `${upload.scheme}.xml` },
            checked,
          });
          upload.submitted = true;
          // The file is kept as the submission's document; the upload itself need not hold it twice.
          upload.file = '';
          upload.melding = '';
          void ctx.state.save();
          return {
            status: 200,
            body: {
              dialogId: receipt.dialogId,
              forsendelseId: receipt.forsendelseId,
              oppgavegiversLeveranseReferanse: receipt.reference,
            },
          };
        });
      },
    },
  ];
}
