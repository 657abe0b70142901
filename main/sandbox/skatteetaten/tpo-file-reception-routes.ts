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
  requireContentType,
  requireOrg,
  skeError,
  type SystemUserCaller,
} from './skatteetaten-answers';
import { asSpesifisering } from './tredjepart-spesifisering';
import { tredjepartSlice, type TredjepartUpload } from './tredjepart-state';
import { uploadRoutes } from './upload-routes';

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
  return uploadRoutes<TredjepartUpload>({
    ctx,
    prefix: '/skatteetaten/innrapporteringtpofilmottak/v1',
    codes: 'GLD',
    auth: (req: EmulatorRequest) => authorizeSystemUser(req, ctx, authority, 'GLD', TPO_FILE_RECEPTION_SCOPE),
    uploads: () => tredjepartSlice(ctx.state).uploads,
    expiryMs: options.uploadExpiryMs,
    receive: (req, caller) => {
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
      // Every upload taken: what tests count to prove a resumed upload was not made twice.
      tredjepartSlice(ctx.state).uploadsReceived += 1;
      return {
        id: randomUUID(),
        scheme: read.scheme,
        org: caller.systemUserOrg,
        file,
        melding: read.json,
        createdAt: now.toISOString(),
        validatedAt: new Date(now.getTime() + options.uploadValidationMs).toISOString(),
        feilliste: errors.length ? asSpesifisering(errors) : null,
        submitted: false,
      };
    },
    submit: (upload, caller, key) => {
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
      // The file is kept as the submission's document; the upload itself need not hold it twice.
      upload.file = '';
      upload.melding = '';
      return {
        status: 200,
        body: {
          dialogId: receipt.dialogId,
          forsendelseId: receipt.forsendelseId,
          oppgavegiversLeveranseReferanse: receipt.reference,
        },
      };
    },
  });
}
