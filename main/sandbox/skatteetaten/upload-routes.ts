import type { EmulatorContext } from '../host';
import type { EmulatorRequest, EmulatorResponse, EmulatorRoute } from '../router';
import {
  idempotencyKeyOf,
  idempotent,
  requireContentType,
  skeError,
  type CodePrefix,
  type SystemUserCaller,
} from './skatteetaten-answers';

/** What every upload keeps, whichever API took it. */
export interface UploadRecord {
  id: string;
  org: string;
  createdAt: string;
  validatedAt: string;
  /** Null when it passed; otherwise Skatteetaten's feilliste. */
  feilliste: { kode: string; melding: string; sti?: string }[] | null;
  submitted: boolean;
}

export interface UploadRoutesOptions<U extends UploadRecord> {
  ctx: EmulatorContext;
  /** The API's path below the emulator, ending before `opplastinger`. */
  prefix: string;
  codes: CodePrefix;
  auth: (req: EmulatorRequest) => Promise<SystemUserCaller>;
  uploads: () => Record<string, U>;
  /** An upload not sent in within this long is gone (404 `_021`). UNCONFIRMED: the real lifetime is not published. */
  expiryMs: number;
  /** `POST /opplastinger`: reads and checks the file, and makes its record (validated from `validatedAt` on). */
  receive: (req: EmulatorRequest, caller: SystemUserCaller) => Promise<U> | U;
  /** `PUT /innsending` of a validated upload with no feilliste, once per key: registers it and answers the receipt. */
  submit: (upload: U, caller: SystemUserCaller, key: string) => Promise<EmulatorResponse> | EmulatorResponse;
}

/**
 * The upload flow both of Skatteetaten's file APIs document (skatteetaten-apis.md §1.4 for the a-melding,
 * Skatteetaten/api-dokumentasjon docs/api/innrapportering-tpo-filmottak.md for tredjepartsopplysninger):
 * `POST /opplastinger` answers `LASTER_OPP`, `GET /opplastinger/{id}` an array of one status, `DELETE` removes it,
 * `PUT /innsending` with `{"id": …}` and the idempotency key sends a validated one in. An upload left unsent past
 * `expiryMs` is gone, as one deleted: 404 `_021` with `_1023`.
 */
export function uploadRoutes<U extends UploadRecord>(o: UploadRoutesOptions<U>): EmulatorRoute[] {
  const { ctx, codes: p } = o;

  /** The caller's upload, or 404 when there is none (never made, deleted, or expired unsent). */
  function uploadOf(caller: SystemUserCaller, id: string): U {
    const upload = o.uploads()[id];
    const expired = upload && !upload.submitted && Date.parse(upload.createdAt) + o.expiryMs <= ctx.now().getTime();
    if (upload && expired) {
      delete o.uploads()[id];
      void ctx.state.save();
    }
    // An agent systembruker reaches the uploads of every client delegated to it (caller.parties).
    if (!upload || expired || !caller.parties.includes(upload.org)) {
      throw skeError(404, `${p}_021`, 'Finner ikke forespurt ressurs', [
        { kode: `${p}_1023`, melding: 'Finner ingen ressurs for denne URL-en', angittVerdi: id },
      ]);
    }
    return upload;
  }

  return [
    {
      method: 'POST',
      path: `${o.prefix}/opplastinger`,
      handle: async (req) => {
        const upload = await o.receive(req, await o.auth(req));
        o.uploads()[upload.id] = upload;
        void ctx.state.save();
        return {
          status: 200,
          body: { status: 'LASTER_OPP', id: upload.id, feilliste: null, sistOppdatertTidspunkt: null },
        };
      },
    },
    {
      method: 'GET',
      path: `${o.prefix}/opplastinger/:id`,
      handle: async (req) => {
        const upload = uploadOf(await o.auth(req), req.params.id ?? '');
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
      path: `${o.prefix}/opplastinger/:id`,
      handle: async (req) => {
        const upload = uploadOf(await o.auth(req), req.params.id ?? '');
        delete o.uploads()[upload.id];
        void ctx.state.save();
        return { status: 200 };
      },
    },
    {
      method: 'PUT',
      path: `${o.prefix}/innsending`,
      handle: async (req) => {
        const caller = await o.auth(req);
        requireContentType(req, p, 'json');
        const key = idempotencyKeyOf(req, p, true) as string;
        let id = '';
        try {
          id = String((req.json() as { id?: unknown }).id ?? '');
        } catch {
          // An unreadable body names no upload: 404 below.
        }
        const upload = uploadOf(caller, id);
        // Not validated yet is answered before the key is spent, so the same call can be made again.
        if (Date.parse(upload.validatedAt) > ctx.now().getTime()) {
          throw skeError(409, `${p}_006`, 'Feil i request', [
            { kode: `${p}_1022`, melding: 'Opplastingen er ikke ferdig validert' },
          ]);
        }
        return idempotent(ctx, req, p, key, async () => {
          if (upload.feilliste) {
            throw skeError(400, `${p}_010`, 'Feil i forbindelse med validering av payload', upload.feilliste);
          }
          if (upload.submitted) throw skeError(409, `${p}_006`, 'Opplastingen er allerede sendt inn');
          const response = await o.submit(upload, caller, key);
          upload.submitted = true;
          void ctx.state.save();
          return response;
        });
      },
    },
  ];
}
