import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/domain/app-error';
import { text } from '../../shared/domain/localized';
import type { Endpoints } from '../../shared/domain/endpoints';
import { SERVICES } from '../../shared/domain/services-catalogue';
import type { FeedbackDialog, FeedbackTransmission } from '../../shared/feedback/feedback-dialog';
import type { FeedbackView } from '../../shared/feedback/feedback-view';
import { interpretFeedbackDocument } from '../../shared/feedback/interpret-feedback';
import { writeFileAtomic } from '../disk/atomic-write';
import { silentLogger, type Logger } from '../log/logger';
import { isLoopbackHttp } from '../sandbox/loopback';
import { feedbackFolder } from './feedback-sync-state';

export const StoredDocumentSchema = z.object({
  dialogId: z.string(),
  transmissionId: z.string(),
  attachmentId: z.string(),
  name: z.string().nullable(),
  url: z.string(),
  mediaType: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  fetchedAt: z.string(),
});
export type StoredDocument = z.infer<typeof StoredDocumentSchema>;

export type DocumentOutcome =
  | { kind: 'stored'; document: StoredDocument }
  | { kind: 'not-ready'; attachmentId: string }
  | { kind: 'skipped'; attachmentId: string; reason: 'unauthorized' | 'foreign-origin' | 'no-url' | 'unknown-service' }
  | { kind: 'failed'; attachmentId: string; error: AppError; refused?: boolean };

export interface FeedbackDocumentsOptions {
  dataDir: string;
  profileId: string;
  /** A systembruker token for the Skatteetaten scope of the dialog's service (skatteetaten-apis.md §5). */
  accessToken: (scope: string) => Promise<string>;
  /**
   * Whether a document URL points at the profile's Skatteetaten (`skatteetatenDocumentUrls(endpoints)`). The app
   * holds tokens: it follows no URL anywhere else, whatever a dialog says (skatteetaten-apis.md §5, [T4]).
   */
  isAllowedUrl: (url: URL) => boolean;
  /**
   * Where a document URL is read from now, before the allow-list sees it: for a sandbox profile
   * `sandboxDocumentUrl(endpoints)`, so a URL kept from an earlier run of the sandbox reaches this run's.
   */
  currentUrl?: (url: URL) => URL;
  /** Hears each document skipped because its URL is not on the profile's Skatteetaten hosts. */
  log?: Logger;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Skatteetaten's feedback documents for a dialog's transmissions: fetched from the attachment's URL (the `Api`
 * one when there is one) with the service's token, kept per profile as the exact bytes, and read into plain words
 * on demand, so a better reading later needs no new download.
 * `<data dir>/feedback/<profile id>/documents/<transmission id>/<attachment id>{,.json}`.
 */
/**
 * A document Skatteetaten refused (401/403: a scope or a right missing) is asked for again only this long after: a
 * refusal does not pass by itself, and asking at every pass would make each idle poll cost a request per document.
 */
export const REFUSED_RETRY_MS = 6 * 3_600_000;

export class FeedbackDocuments {
  private readonly folder: string;
  private readonly fetchImpl: typeof fetch;
  /** Refused attachments: when, and the refusal to report again until REFUSED_RETRY_MS has passed. */
  private readonly refused = new Map<string, { at: number; error: AppError }>();

  constructor(private readonly options: FeedbackDocumentsOptions) {
    this.folder = join(feedbackFolder(options.dataDir, options.profileId), 'documents');
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Fetches what is not stored yet; a 404 means "not ready" (Skatteetaten makes feedback a moment later). */
  async fetchForTransmission(dialog: FeedbackDialog, transmission: FeedbackTransmission): Promise<DocumentOutcome[]> {
    const stored = new Set((await this.list(transmission.id)).map((d) => d.attachmentId));
    const outcomes: DocumentOutcome[] = [];
    for (const attachment of transmission.attachments) {
      if (stored.has(attachment.id)) continue;
      const usable = attachment.urls.filter((u) => /^https?:\/\//i.test(u.url));
      const url = usable.find((u) => u.consumerType === 'Api') ?? usable[0];
      if (
        !transmission.isAuthorized ||
        attachment.urls.some((u) => u.url.startsWith('urn:dialogporten:unauthorized'))
      ) {
        outcomes.push({ kind: 'skipped', attachmentId: attachment.id, reason: 'unauthorized' });
        continue;
      }
      if (!url) {
        outcomes.push({ kind: 'skipped', attachmentId: attachment.id, reason: 'no-url' });
        continue;
      }
      const target = (this.options.currentUrl ?? ((u: URL) => u))(new URL(url.url));
      if (!this.options.isAllowedUrl(target)) {
        // Never followed (it would carry a token elsewhere), but said: a missing reading must be explainable.
        (this.options.log ?? silentLogger).warn(
          'feedback document skipped: its URL is not on the profile’s Skatteetaten hosts',
          {
            dialogId: dialog.id,
            transmissionId: transmission.id,
            attachmentId: attachment.id,
            origin: target.origin,
            path: target.pathname,
          },
        );
        outcomes.push({ kind: 'skipped', attachmentId: attachment.id, reason: 'foreign-origin' });
        continue;
      }
      const scope = SERVICES.find((s) => dialog.serviceResource === `urn:altinn:resource:${s.resource}`)?.scope;
      if (!scope) {
        outcomes.push({ kind: 'skipped', attachmentId: attachment.id, reason: 'unknown-service' });
        continue;
      }
      const now = (this.options.now?.() ?? new Date()).getTime();
      const refusal = this.refused.get(attachment.id);
      if (refusal && now - refusal.at < REFUSED_RETRY_MS) {
        outcomes.push({ kind: 'failed', attachmentId: attachment.id, error: refusal.error });
        continue;
      }
      const outcome = await this.download(
        dialog,
        transmission,
        attachment.id,
        attachment.displayName,
        { ...url, url: target.href },
        scope,
      );
      if (outcome.kind === 'failed' && outcome.refused)
        this.refused.set(attachment.id, { at: now, error: outcome.error });
      else this.refused.delete(attachment.id);
      outcomes.push(outcome);
    }
    return outcomes;
  }

  async list(transmissionId: string): Promise<StoredDocument[]> {
    const dir = join(this.folder, safe(transmissionId));
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    const out: StoredDocument[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const parsed = StoredDocumentSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  /** The exact bytes Skatteetaten sent, for "download the raw document". */
  async read(transmissionId: string, attachmentId: string): Promise<{ meta: StoredDocument; bytes: Buffer } | null> {
    const dir = join(this.folder, safe(transmissionId));
    try {
      const meta = StoredDocumentSchema.parse(
        JSON.parse(await readFile(join(dir, `${safe(attachmentId)}.json`), 'utf8')),
      );
      return { meta, bytes: await readFile(join(dir, safe(attachmentId))) };
    } catch {
      return null;
    }
  }

  /**
   * The document in plain words; null when it is not stored, or is binary (a PDF): those bytes are not text, and
   * the page offers the download instead.
   */
  async view(transmissionId: string, attachmentId: string): Promise<FeedbackView | null> {
    const doc = await this.read(transmissionId, attachmentId);
    if (!doc || !isTextDocument(doc.meta.mediaType)) return null;
    return interpretFeedbackDocument(doc.bytes.toString('utf8'), doc.meta.mediaType);
  }

  /** The exact bytes, with the file name to offer in the save dialog; null when the document is not stored. */
  async forSaving(
    transmissionId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; bytes: Buffer } | null> {
    const doc = await this.read(transmissionId, attachmentId);
    if (!doc) return null;
    return { fileName: documentFileName(doc.meta), mediaType: doc.meta.mediaType, bytes: doc.bytes };
  }

  private async download(
    dialog: FeedbackDialog,
    transmission: FeedbackTransmission,
    attachmentId: string,
    name: string | null,
    url: { url: string; mediaType: string | null },
    scope: string,
  ): Promise<DocumentOutcome> {
    let response: Response;
    try {
      response = await this.fetchImpl(url.url, {
        headers: {
          authorization: `Bearer ${await this.options.accessToken(scope)}`,
          accept: acceptFor(url.mediaType),
        },
      });
    } catch (error) {
      return { kind: 'failed', attachmentId, error: documentError('unreachable', [url.url, (error as Error).message]) };
    }
    if (response.status === 404 || response.status === 204) {
      await response.body?.cancel();
      return { kind: 'not-ready', attachmentId };
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) {
      const detail = bytes.toString('utf8').slice(0, 300);
      return {
        kind: 'failed',
        attachmentId,
        error: documentError('refused', [url.url, `HTTP ${response.status}`, detail]),
        ...(response.status === 401 || response.status === 403 ? { refused: true } : {}),
      };
    }
    const mediaType = (response.headers.get('content-type') ?? url.mediaType ?? 'application/octet-stream').split(
      ';',
    )[0]!;
    // An HTML page where Skatteetaten sends a document is a guest network's login page or a proxy's: kept, it would
    // stand for the feedback for good (a stored document is never fetched again), so it is a failed try instead.
    if (/html/i.test(mediaType) && !/html/i.test(url.mediaType ?? '')) {
      const start = bytes.toString('utf8', 0, 200).replace(/\s+/g, ' ');
      return { kind: 'failed', attachmentId, error: documentError('unreachable', [url.url, mediaType, start]) };
    }
    const document: StoredDocument = {
      dialogId: dialog.id,
      transmissionId: transmission.id,
      attachmentId,
      name,
      url: url.url,
      mediaType: mediaType.trim(),
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fetchedAt: (this.options.now?.() ?? new Date()).toISOString(),
    };
    const dir = join(this.folder, safe(transmission.id));
    // Bytes first, then the metadata that says they are there: a crash between leaves an orphan, not a lie.
    await writeFileAtomic(join(dir, safe(attachmentId)), bytes);
    await writeFileAtomic(join(dir, `${safe(attachmentId)}.json`), JSON.stringify(document));
    return { kind: 'stored', document };
  }
}

/**
 * The profile's Skatteetaten hosts: the origins in the endpoint table, and over https any host under the same
 * `api.skatteetaten(-test).no` domain (the a-melding feedback host is UNCONFIRMED and may differ from the
 * submission host, skatteetaten-apis.md §1.5).
 */
export function skatteetatenDocumentUrls(endpoints: Endpoints): (url: URL) => boolean {
  const bases = skatteetatenBases(endpoints);
  const origins = new Set(bases.map((b) => new URL(b).origin));
  const template = endpoints.skatteetaten.tredjepartTemplate.replace('{scheme}', 'x');
  const domains = [...bases, template]
    .map((b) => new URL(b).hostname)
    .map((host) => /(\.api\.skatteetaten(-test)?\.no)$/.exec(host)?.[1])
    .filter((d): d is string => !!d);
  return (url) =>
    origins.has(url.origin) || (url.protocol === 'https:' && domains.some((d) => url.hostname.endsWith(d)));
}

/**
 * For a sandbox profile: where a document URL is read from now. The sync keeps dialogs as Dialogporten sent them,
 * URLs included, and a restarted sandbox may listen on another port (its last one was taken): a loopback URL from
 * such an earlier run whose path lies under the profile's Skatteetaten bases is read from this run's sandbox.
 * Anything else is left as it is, for the allow-list to judge.
 */
export function sandboxDocumentUrl(endpoints: Endpoints): (url: URL) => URL {
  const tredjepart = endpoints.skatteetaten.tredjepartTemplate.split('{scheme}')[0] as string;
  const bases = [...skatteetatenBases(endpoints), tredjepart];
  const origin = new URL(endpoints.skatteetaten.amelding).origin;
  return (url) => {
    if (!isLoopbackHttp(url) || url.origin === origin) return url;
    const moved = new URL(`${url.pathname}${url.search}`, origin);
    return bases.some((base) => moved.href.startsWith(base)) ? moved : url;
  };
}

/** The Skatteetaten API bases of a profile's environment with a fixed host (the tredjepart one has a template). */
function skatteetatenBases(endpoints: Endpoints): string[] {
  return [endpoints.skatteetaten.amelding, endpoints.skatteetaten.aksjonaerregister, endpoints.skatteetaten.skattekort];
}

/** Whether a media type is text Innsender can read (JSON, XML, text/*); anything else is kept as bytes only. */
export function isTextDocument(mediaType: string): boolean {
  return /json|xml|^text\//i.test(mediaType);
}

/** The file extension for a media type; unknown types get `.bin`, so the OS never guesses from the bytes. */
const EXTENSIONS: [RegExp, string][] = [
  [/^application\/pdf$/i, 'pdf'],
  [/xml/i, 'xml'],
  [/json/i, 'json'],
  [/^text\/csv$/i, 'csv'],
  [/^text\/html$/i, 'html'],
  [/^text\//i, 'txt'],
  [/^image\/png$/i, 'png'],
  [/^image\/jpe?g$/i, 'jpg'],
  [/^application\/zip$/i, 'zip'],
];

export function extensionFor(mediaType: string): string {
  return EXTENSIONS.find(([pattern]) => pattern.test(mediaType.trim()))?.[1] ?? 'bin';
}

/**
 * The name to save a document as: Skatteetaten's display name when it has one, else `tilbakemelding-<id>`, with
 * the extension its content type calls for (a "Kvittering" sent as a PDF is saved as `Kvittering.pdf`), and no
 * character a file system refuses.
 */
export function documentFileName(meta: Pick<StoredDocument, 'name' | 'mediaType' | 'attachmentId'>): string {
  const extension = extensionFor(meta.mediaType);
  const base = (meta.name?.trim() || `tilbakemelding-${meta.attachmentId}`).replace(/[\\/:*?"<>|\0]/g, '_');
  return base.toLowerCase().endsWith(`.${extension}`)
    ? base
    : `${base.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.${extension}`;
}

/**
 * The Accept header for a document: its own type, and JSON for Skatteetaten's error bodies (which it requires,
 * _1030; whether the document endpoint accepts `application/pdf` for a PDF is UNCONFIRMED).
 */
function acceptFor(mediaType: string | null): string {
  return mediaType && !/json/i.test(mediaType) ? `${mediaType}, application/json;q=0.9` : 'application/json';
}

/** Ids come from a server: never let one name a path outside the folder. */
function safe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

function documentError(kind: 'unreachable' | 'refused', details: string[]): AppError {
  return kind === 'unreachable'
    ? new AppError(
        'FEEDBACK_DOCUMENT_UNREACHABLE',
        text(
          'Fikk ikke hentet tilbakemeldingsdokumentet fra Skatteetaten. Innsender prøver igjen.',
          'Could not fetch the feedback document from Skatteetaten. Innsender tries again.',
        ),
        details,
      )
    : new AppError(
        'FEEDBACK_DOCUMENT_REFUSED',
        text(
          'Skatteetaten ga ikke ut tilbakemeldingsdokumentet. Detaljene står i loggen.',
          'Skatteetaten did not hand out the feedback document. The details are in the log.',
        ),
        details,
      );
}
