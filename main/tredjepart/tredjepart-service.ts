import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import { text } from '../../shared/domain/localized';
import type { Profile } from '../../shared/domain/profile';
import type { SubmitPreview } from '../../shared/outbox/outbox-views';
import type { Submission } from '../../shared/outbox/submission';
import { error } from '../../shared/reports/finding';
import { checkMeldingText } from '../../shared/tredjepart/check-melding';
import type { TredjepartCheckResult, TredjepartSummary } from '../../shared/tredjepart/check-result';
import { schemeById, type SchemeId } from '../../shared/tredjepart/schemes';
import type { TredjepartCheck, TredjepartDraft } from '../../shared/tredjepart/tredjepart-views';
import type { DesktopPort } from '../desktop-port';
import { describeFileReadFailure, readRegularFile } from '../disk/read-regular-file';
import type { EndpointResolver } from '../environments/resolve';
import { alreadySentFor, draftInvalidError, enqueueChecked, existingSubmission } from '../outbox/duplicate-guard';
import { profileSubmissions } from '../reports/known-messages';
import type { EnqueueInput } from '../outbox/outbox';
import { payloadDigest } from '../outbox/payload-digest';
import { reportEnvironmentFor } from '../reports/reports-service';
import { tredjepartBase } from '../skatteetaten/tredjepart-client';
import { csvToMelding, CsvImportError } from './csv-import';
import type { StoredTredjepartDraft, TredjepartDraftStore } from './tredjepart-drafts';
import { substanceOf } from '../../shared/outbox/report-substance';
import { MAX_ROUTED_FILES } from '../../shared/reports/report-routing';

/** The REST APIs take at most 10 MB (skatteetaten-apis.md §0.5); larger files go through the TPO upload API. */
export const MAX_TREDJEPART_BYTES = 10 * 1024 * 1024;

/**
 * A scheme the TPO file reception takes has no 10 MB limit: its melding goes there as XML. The reception publishes
 * no limit of its own (innrapportering-tpo-filmottak.md), so Innsender's bound is what it will hold in memory.
 */
export const MAX_FILE_RECEPTION_BYTES = 100 * 1024 * 1024;

export function maxBytesFor(scheme: SchemeId): number {
  return schemeById(scheme).fileReception ? MAX_FILE_RECEPTION_BYTES : MAX_TREDJEPART_BYTES;
}

/** The finding codes for a file that could not be read; `TREDJEPART_FILE_MISSING` is the one kept from before. */
const TREDJEPART_READ_CODES = {
  missing: 'TREDJEPART_FILE_MISSING',
  'not-a-file': 'TREDJEPART_NOT_A_FILE',
  unreadable: 'TREDJEPART_FILE_UNREADABLE',
} as const;

export interface TredjepartServiceOptions {
  activeProfile: () => Profile | null | undefined;
  desktop: Pick<DesktopPort, 'pickFiles'>;
  drafts: TredjepartDraftStore;
  /** Where each profile's calls go (`main/environments/resolve.ts`). */
  endpoints: EndpointResolver;
  /**
   * The active profile's outbox: a draft is queued there, and its submissions tell whether one is live; `outboxFor`
   * gives another set-up profile's (a routed file's draft), refusing a profile that is not set up.
   */
  outbox: {
    enqueue(input: EnqueueInput): Promise<Submission>;
    list(): Promise<Submission[]>;
    outboxFor?(profileId: string): Promise<Parameters<typeof enqueueChecked>[0]>;
  };
  language: () => 'nb' | 'en';
  now?: () => Date;
  /**
   * Files for many clients (issue 14): a routed file is checked for the profile it was routed to, which need not be
   * the active one, against that profile's outbox, and saved there.
   */
  profileById?: (id: string) => Profile | null;
  submissionsOf?: (profile: Profile) => Promise<readonly Submission[]>;
}

/** Who a routed tredjepart file is checked for: the profile it was routed to and the org it reports for. */
export interface RoutedTredjepartFor {
  readonly profileId: string;
  /** The oppgavegiver the file must name: the profile's own org, or the firm's client. */
  readonly orgNumber: string;
}

interface RememberedCheck {
  result: TredjepartCheckResult;
  profileId: string | null;
  /** Checked for a routed target: saved in that profile, active or not. */
  routed?: boolean;
  /** What will be sent: the file's JSON, or the JSON made from its CSV. */
  body: string;
  source: TredjepartDraft['source'];
}

export interface FileInput {
  scheme: SchemeId;
  name: string;
  bytes: Uint8Array;
  origin: 'path' | 'dropped';
  /** For a CSV: the income year its rows are for (default: last year). */
  inntektsaar?: string;
}

/**
 * Tredjepartsopplysninger for the active profile: check a JSON (or CSV) file offline for a scheme, keep it as a
 * draft, and send a checked draft through the profile's outbox, the same durable path the reports take.
 */
export class TredjepartService {
  private readonly recent = new Map<string, RememberedCheck>();
  /** Routed checks apart: a dropped folder's files are saved after all are checked, so 20 would not do. */
  private readonly routedChecks = new Map<string, RememberedCheck>();

  constructor(private readonly options: TredjepartServiceOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async pick(scheme: SchemeId, inntektsaar?: string): Promise<TredjepartCheck | null> {
    const en = this.options.language() === 'en';
    const [path] = await this.options.desktop.pickFiles({
      title: en ? `Choose a ${schemeById(scheme).title.en} file` : `Velg en fil for ${schemeById(scheme).title.nb}`,
      filters: [
        { name: 'JSON, CSV', extensions: ['json', 'csv'] },
        { name: en ? 'All files' : 'Alle filer', extensions: ['*'] },
      ],
      multiple: false,
    });
    return path ? this.checkPath(scheme, path, inntektsaar) : null;
  }

  async checkPath(scheme: SchemeId, path: string, inntektsaar?: string): Promise<TredjepartCheck> {
    const read = await readRegularFile(path, maxBytesFor(scheme));
    if (!read.ok) {
      if (read.failure.reason === 'too-large') return this.tooLarge(scheme, path, 'path');
      const message = describeFileReadFailure(read.failure, basename(path));
      return this.unreadable(scheme, path, 'path', TREDJEPART_READ_CODES[read.failure.reason], message.nb, message.en);
    }
    return this.check({
      scheme,
      name: path,
      bytes: read.bytes,
      origin: 'path',
      ...(inntektsaar ? { inntektsaar } : {}),
    });
  }

  async check(input: FileInput): Promise<TredjepartCheck> {
    const profile = this.options.activeProfile() ?? null;
    return this.checkAs(input, profile, profile?.orgNumber ?? null, false);
  }

  /** A routed file checked with its target's rules: its org as the oppgavegiver, its profile's outbox. */
  async checkRouted(input: FileInput, target: RoutedTredjepartFor): Promise<TredjepartCheck> {
    const profile = this.routedProfile(target.profileId);
    return this.checkAs(input, profile, target.orgNumber, true);
  }

  private async checkAs(
    input: FileInput,
    profile: Profile | null,
    org: string | null,
    routed: boolean,
  ): Promise<TredjepartCheck> {
    if (input.bytes.byteLength > maxBytesFor(input.scheme))
      return this.tooLarge(input.scheme, input.name, input.origin);
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes).replace(/^\uFEFF/, '');
    } catch {
      return this.unreadable(
        input.scheme,
        input.name,
        input.origin,
        'TREDJEPART_NOT_UTF8',
        'Filen er ikke UTF-8-tekst.',
        'The file is not UTF-8 text.',
      );
    }
    const isCsv = /\.csv$/i.test(input.name) || !/^\s*[{[]/.test(content);
    let body = content;
    if (isCsv) {
      try {
        body = csvToMelding(content, input.scheme, {
          inntektsaar: input.inntektsaar ?? String(this.now().getFullYear() - 1),
          oppgavegiver: org ?? '',
          kontaktNavn: profile?.displayName ?? '',
        });
      } catch (thrown) {
        const reason = thrown instanceof CsvImportError ? thrown.message : String(thrown);
        return this.unreadable(
          input.scheme,
          input.name,
          input.origin,
          'TREDJEPART_CSV_INVALID',
          `CSV-filen kunne ikke leses: ${reason}`,
          `The CSV file could not be read: ${reason}`,
        );
      }
    }
    const checked = checkMeldingText(body, {
      scheme: input.scheme,
      environment: reportEnvironmentFor(profile ?? null),
      ...(org ? { profileOrg: org } : {}),
      today: this.now().toISOString().slice(0, 10),
    });
    const source = sourceOf(input.name, input.origin, input.bytes);
    const alreadySent = profile ? await this.alreadySent(input.scheme, checked.summary, body, profile, routed) : null;
    const result: TredjepartCheckResult = {
      kind: 'tredjepart',
      scheme: input.scheme,
      files: [{ path: input.name, sha256: source.sha256, size: source.size }],
      format: isCsv ? 'csv' : 'json',
      valid: checked.valid,
      findings: checked.findings,
      summary: checked.summary,
      checkedAt: this.now().toISOString(),
      ...(alreadySent ? { alreadySent } : {}),
    };
    const remembered = { result, profileId: profile?.id ?? null, body, source, ...(routed ? { routed } : {}) };
    return { checkId: this.remember(remembered), result };
  }

  async saveDraft(checkId: string): Promise<TredjepartDraft> {
    const checked = this.recent.get(checkId) ?? this.routedChecks.get(checkId);
    // A routed check belongs to the profile it was routed to (a business's other profile, or the firm).
    const profile = checked?.routed ? this.routedProfile(checked.profileId ?? '') : this.requireProfile();
    if (!checked) {
      throw new AppError(
        'TREDJEPART_CHECK_NOT_FOUND',
        text(
          'Kontrollen er ikke lenger i minnet; velg filen på nytt.',
          'The check is no longer held; choose the file again.',
        ),
      );
    }
    if (checked.profileId !== profile.id) {
      throw new AppError(
        'TREDJEPART_CHECK_OTHER_PROFILE',
        text(
          'Filen ble kontrollert for en annen virksomhet; kontroller den på nytt.',
          'The file was checked for another organisation; check it again.',
        ),
      );
    }
    const digest = createHash('sha256').update(checked.body, 'utf8').digest('hex');
    const stored = await this.options.drafts.save(
      {
        profileId: profile.id,
        scheme: checked.result.scheme,
        source: checked.source,
        bodySha256: digest,
        bodyBytes: Buffer.byteLength(checked.body, 'utf8'),
        result: checked.result,
        body: checked.body,
      },
      this.now(),
    );
    return withoutBody(stored);
  }

  async listDrafts(): Promise<TredjepartDraft[]> {
    const profile = this.options.activeProfile();
    return profile ? this.options.drafts.list(profile.id) : [];
  }

  async getDraft(id: string): Promise<TredjepartDraft> {
    return withoutBody(await this.draft(id));
  }

  async deleteDraft(id: string): Promise<boolean> {
    return this.options.drafts.delete(this.requireProfile().id, id);
  }

  /** What sending the draft would send and where, for the confirmation. */
  async preview(id: string): Promise<SubmitPreview> {
    const profile = this.requireProfile();
    const draft = await this.draft(id);
    const input = enqueueInputOf(draft);
    const digest = payloadDigest(input.payload);
    const endpoints = await this.options.endpoints.forProfile(profile);
    const target = input.target as Extract<EnqueueInput['target'], { service: 'tredjepart' }>;
    const ref = { target: input.target, payloadSha256: digest.sha256, createdAt: this.now().toISOString() };
    const existing = existingSubmission(await this.options.outbox.list(), ref);
    return {
      draftId: id,
      label: input.label,
      target: input.target,
      payloadBytes: digest.bytes,
      payloadSha256: digest.sha256,
      profile: { displayName: profile.displayName, orgNumber: profile.orgNumber },
      environment: profile.environment,
      destination: `${tredjepartBase(endpoints.skatteetaten.tredjepartTemplate, target.scheme)}/${target.inntektsaar}`,
      existing: existing ?? null,
      substance: substanceOf(draft.result),
    };
  }

  /**
   * Queues an error-free draft in the outbox; on disk before this returns. A melding the outbox already holds
   * (its oppgavegiver, year, scheme and leveransereferanse: duplicate-guard.ts) answers with that submission.
   */
  async submit(id: string, profileId?: string): Promise<Submission> {
    const active = this.options.activeProfile();
    if (profileId && profileId !== active?.id) {
      // Another set-up profile's draft (routing, issue 14): its outbox checks the id against the profiles set up.
      if (!this.options.outbox.outboxFor) throw this.unknownProfile();
      const outbox = await this.options.outbox.outboxFor(profileId);
      const draft = await this.draftOf(profileId, id);
      return enqueueChecked(
        outbox,
        { valid: draft.result.valid, findings: draft.result.findings, read: () => readTredjepartSubmission(draft) },
        this.now(),
      );
    }
    const draft = await this.draft(id);
    return enqueueChecked(
      this.options.outbox,
      { valid: draft.result.valid, findings: draft.result.findings, read: () => readTredjepartSubmission(draft) },
      this.now(),
    );
  }

  // --- plumbing ---------------------------------------------------------------------------------------------------

  /** The submission of the profile's outbox that already holds this melding, if any. */
  private async alreadySent(
    scheme: SchemeId,
    summary: TredjepartSummary | null,
    body: string,
    profile: Profile,
    routed: boolean,
  ) {
    if (!summary?.oppgavegiver || !summary.inntektsaar) return null;
    const { inntektsaar, oppgavegiver: org } = summary;
    const sha = payloadDigest({ service: 'tredjepart', scheme, inntektsaar, body }).sha256;
    const identity = {
      service: 'tredjepart' as const,
      org,
      inntektsaar,
      scheme,
      leveransereferanse: summary.oppgavegiversLeveranseReferanse,
      payloadSha256: sha,
    };
    const submissions =
      routed && this.options.submissionsOf
        ? await this.options.submissionsOf(profile)
        : await profileSubmissions(this.options.outbox);
    return alreadySentFor(submissions, identity, sha);
  }

  private draft(id: string): Promise<StoredTredjepartDraft> {
    return this.draftOf(this.requireProfile().id, id);
  }

  private async draftOf(profileId: string, id: string): Promise<StoredTredjepartDraft> {
    const draft = await this.options.drafts.get(profileId, id);
    if (!draft) {
      throw new AppError(
        'TREDJEPART_DRAFT_NOT_FOUND',
        text('Fant ikke utkastet hos denne virksomheten.', 'The draft was not found for this organisation.'),
        [id],
      );
    }
    return draft;
  }

  private routedProfile(id: string): Profile {
    const profile = this.options.profileById?.(id);
    if (!profile) throw this.unknownProfile();
    return profile;
  }

  private unknownProfile(): AppError {
    return new AppError(
      'TREDJEPART_PROFILE_UNKNOWN',
      text(
        'Virksomheten filen ble sendt til, er ikke satt opp her lenger. Legg til filen på nytt.',
        'The organisation the file was routed to is no longer set up here. Add the file again.',
      ),
    );
  }

  private requireProfile(): Profile {
    const profile = this.options.activeProfile();
    if (!profile) {
      throw new AppError(
        'TREDJEPART_NO_PROFILE',
        text('Legg til eller velg en virksomhet først.', 'Add or choose an organisation first.'),
      );
    }
    return profile;
  }

  private remember(check: RememberedCheck): string {
    const id = randomUUID().replace(/-/g, '');
    // The last 20 checks: enough for the page, bounded in memory (each body is at most 10 MB, 100 MB for a scheme the
    // file reception takes); a routed folder's, as many as routing takes at once.
    const [held, limit] = check.routed ? [this.routedChecks, MAX_ROUTED_FILES] : [this.recent, 20];
    held.set(id, check);
    for (const old of held.keys()) {
      if (held.size <= limit) break;
      held.delete(old);
    }
    return id;
  }

  private unreadable(
    scheme: SchemeId,
    name: string,
    origin: 'path' | 'dropped',
    code: string,
    nb: string,
    en: string,
  ): TredjepartCheck {
    const result: TredjepartCheckResult = {
      kind: 'tredjepart',
      scheme,
      files: [{ path: name, sha256: '0'.repeat(64), size: 0 }],
      format: /\.csv$/i.test(name) ? 'csv' : 'json',
      valid: false,
      findings: [error(code, '', nb, en)],
      summary: null,
      checkedAt: this.now().toISOString(),
    };
    const source = { name: basename(name), origin, sha256: '0'.repeat(64), size: 0 };
    return { checkId: this.remember({ result, profileId: null, body: '', source }), result };
  }

  private tooLarge(scheme: SchemeId, name: string, origin: 'path' | 'dropped'): TredjepartCheck {
    const [nb, en] = schemeById(scheme).fileReception
      ? [
          'Filen er større enn 100 MB, det meste Innsender sender gjennom filmottaket. Del den opp i flere leveranser.',
          'The file is larger than 100 MB, the most Innsender sends through the file reception. Split it into several leveranser.',
        ]
      : [
          'Filen er større enn 10 MB, grensen for innsending gjennom API-et. Del den opp i flere leveranser.',
          'The file is larger than 10 MB, the limit for the API. Split it into several leveranser.',
        ];
    return this.unreadable(scheme, name, origin, 'TREDJEPART_FILE_TOO_LARGE', nb, en);
  }
}

/** The outbox's submission for a checked draft: refused, with its findings, while the draft has errors. */
function enqueueInputOf(draft: StoredTredjepartDraft): EnqueueInput {
  if (!draft.result.valid) throw draftInvalidError(draft.result.findings);
  return readTredjepartSubmission(draft);
}

/** What a draft would send, whatever its findings; throws when it has no year or oppgavegiver to send for. */
function readTredjepartSubmission(draft: StoredTredjepartDraft): EnqueueInput {
  const summary = draft.result.summary;
  if (!summary?.inntektsaar || !summary.oppgavegiver) throw draftInvalidError(draft.result.findings);
  const scheme = schemeById(draft.scheme);
  return {
    draftId: draft.id,
    label: `${scheme.title.nb} ${summary.inntektsaar} (${summary.oppgavegiver})`,
    target: {
      service: 'tredjepart',
      scheme: draft.scheme,
      inntektsaar: summary.inntektsaar,
      oppgavegiver: summary.oppgavegiver,
      antallOppgaver: summary.antallOppgaver,
      ...(summary.oppgavegiversLeveranseReferanse
        ? { leveransereferanse: summary.oppgavegiversLeveranseReferanse }
        : {}),
    },
    payload: { service: 'tredjepart', scheme: draft.scheme, inntektsaar: summary.inntektsaar, body: draft.body },
  };
}

function withoutBody(draft: StoredTredjepartDraft): TredjepartDraft {
  const { body: _body, ...view } = draft;
  return view;
}

function sourceOf(name: string, origin: 'path' | 'dropped', bytes: Uint8Array): TredjepartDraft['source'] {
  return {
    name: origin === 'path' ? name : basename(name),
    origin,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.byteLength,
  };
}
