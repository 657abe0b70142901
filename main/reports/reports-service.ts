import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import { profileKind, reportsOrgOf, type Profile } from '../../shared/domain/profile';
import type { Submission } from '../../shared/outbox/submission';
import type { AMeldingCheckResult, CheckResult, Rf1086CheckResult } from '../../shared/reports/check-result';
import type { Draft, DraftListItem } from '../../shared/reports/draft';
import type { ReportEnvironment } from '../../shared/reports/environment';
import type { CheckedReport, DraftDetail, DraftOverview, DroppedFile } from '../../shared/reports/report-views';
import type { DesktopPort } from '../desktop-port';
import { checkReportFiles, type CheckReportOptions, type ReportInput } from './check-report-files';
import type { CheckReportFiles } from './check-in-worker';
import { withAlreadySent } from '../outbox/duplicate-guard';
import { knownAMeldingerOf } from './known-messages';
import { createDraftStore, DraftStoreError, type DraftStore } from './draft-store';
import { createRecentChecks, type RecentCheck } from './recent-checks';
import { asReplacement } from '../../shared/reports/amelding/replacement-body';
import { DEFAULT_MAX_REPORT_BYTES } from '../../shared/reports/xml/decode-report-bytes';
import { describeFileReadFailure, readRegularFile } from '../disk/read-regular-file';

export interface ReportsServiceOptions {
  /** Where drafts are kept: `<dataDir>/drafts`, one folder per profile. */
  draftsDir: string;
  activeProfile: () => Profile | null;
  desktop: Pick<DesktopPort, 'pickFiles'>;
  /** The UI language, for the native dialog's title. */
  language: () => Language;
  /**
   * The active profile's outbox submissions: the a-meldinger it has sent or is sending, for the meldingsId
   * uniqueness and replacement rules, and what says a checked report is already sent (duplicate-guard.ts);
   * without it those rules have nothing to compare with.
   */
  submissions?: () => Promise<readonly Submission[]>;
  /** How checks run: in a worker thread in the app (`checkReportFilesInWorker`), inline by default. */
  checkFiles?: CheckReportFiles;
  /** A firm profile's clients (the orgs its reports may be for); a business has none. */
  clientOrgs?: (profile: Profile) => Promise<readonly string[]>;
  /** For tests: a fixed date, another schema folder. */
  check?: Partial<Pick<CheckReportOptions, 'today' | 'now' | 'schemaDir' | 'maxBytes'>>;
}

export interface ReportsService {
  readonly drafts: DraftStore;
  pick(): Promise<CheckedReport[]>;
  checkPaths(paths: readonly string[]): Promise<CheckedReport[]>;
  checkContent(files: readonly DroppedFile[]): Promise<CheckedReport[]>;
  saveDraft(checkId: string): Promise<DraftDetail>;
  listDrafts(): Promise<DraftOverview[]>;
  getDraft(id: string): Promise<DraftDetail>;
  deleteDraft(id: string): Promise<boolean>;
  recheckDraft(id: string): Promise<DraftDetail>;
  checkDraftSource(id: string): Promise<CheckedReport[]>;
  /**
   * "Erstatt": the corrected a-melding (dropped, or picked in the native dialog when `files` is absent) made into
   * the replacement of the received one `submissionId`, then checked as a new report against the profile's outbox.
   */
  replaceAMelding(submissionId: string, files?: readonly DroppedFile[]): Promise<CheckedReport[]>;
}

/**
 * A custom environment may point at the real services, so it gets production's strictness: synthetic (Tenor)
 * people are accepted only where nothing reaches Skatteetaten's production.
 */
export function reportEnvironmentFor(profile: Pick<Profile, 'environment'> | null): ReportEnvironment {
  if (profile?.environment === 'sandbox' || profile?.environment === 'test') return profile.environment;
  return 'production';
}

const JSON_FILTER = { name: 'A-melding (JSON)', extensions: ['json'] };

const REPORT_FILTERS = [
  { name: 'A-melding, RF-1086 (XML, JSON)', extensions: ['xml', 'json'] },
  { name: '*', extensions: ['*'] },
];

/** The Reports page's work in main: checks with the active profile's rules, a short memory of them, drafts. */
export function createReportsService(options: ReportsServiceOptions): ReportsService {
  const drafts = createDraftStore(options.draftsDir);
  const recent = createRecentChecks();
  const checkFiles = options.checkFiles ?? checkReportFiles;

  /** The checks with the profile's rules, each result saying whether its outbox already holds the report. */
  async function checkWithProfile(inputs: readonly ReportInput[], profile: Profile | null): Promise<CheckResult[]> {
    const submissions = profile && options.submissions ? await options.submissions() : undefined;
    const results = await checkFiles(inputs, {
      environment: reportEnvironmentFor(profile),
      ...(profile ? { profileOrg: reportsOrgOf(profile) } : {}),
      ...(profile && profileKind(profile) === 'firm' && options.clientOrgs
        ? { clientOrgs: await options.clientOrgs(profile) }
        : {}),
      ...(submissions ? { knownMessages: knownAMeldingerOf(submissions) } : {}),
      ...options.check,
    });
    return submissions ? results.map((r) => withAlreadySent(r, submissions)) : results;
  }

  function requireProfile(): Profile {
    const profile = options.activeProfile();
    if (!profile) {
      throw new AppError('PROFILE_REQUIRED', {
        nb: 'Velg eller legg til en virksomhet først. Utkast lagres hos virksomheten.',
        en: 'Choose or add an organisation first. Drafts are kept with the organisation.',
      });
    }
    return profile;
  }

  async function check(inputs: readonly ReportInput[], origin: RecentCheck['origin'], bytes?: Map<string, Uint8Array>) {
    const profile = options.activeProfile();
    const results = await checkWithProfile(inputs, profile);
    return results.map((result): CheckedReport => {
      const dropped = bytes && new Map(result.files.map((f) => [f.path, bytes.get(f.path) ?? new Uint8Array()]));
      const checkId = recent.remember({
        result,
        origin,
        profileId: profile?.id ?? null,
        ...(dropped ? { dropped } : {}),
      });
      return { checkId, origin, result };
    });
  }

  async function loadDraft(id: string): Promise<Draft> {
    const draft = await mapStoreErrors(() => drafts.get(requireProfile().id, id));
    if (!draft) throw draftNotFound();
    return draft;
  }

  async function detailOf(draft: Draft | DraftListItem): Promise<DraftDetail> {
    const files = draft.files.map((f) => ({
      sourcePath: f.sourcePath,
      ...(f.origin ? { origin: f.origin } : {}),
      sha256: f.sha256,
      size: f.size,
    }));
    return { ...draft, files, sourceStatus: await drafts.sourceStatus(draft) };
  }

  /** One JSON file from the native dialog, read with the same guards as every report; null when cancelled. */
  async function pickOne(): Promise<{ name: string; bytes: Uint8Array } | null> {
    const english = options.language() === 'en';
    const [path] = await options.desktop.pickFiles({
      title: english ? 'Choose the corrected a-melding' : 'Velg den rettede a-meldingen',
      filters: [JSON_FILTER],
      multiple: false,
    });
    if (!path) return null;
    const read = await readRegularFile(path, options.check?.maxBytes ?? DEFAULT_MAX_REPORT_BYTES);
    if (!read.ok) throw new AppError('REPORT_FILE_UNREADABLE', describeFileReadFailure(read.failure, basename(path)));
    return { name: basename(path), bytes: read.bytes };
  }

  const service: ReportsService = {
    drafts,

    async pick() {
      const english = options.language() === 'en';
      const paths = await options.desktop.pickFiles({
        title: english ? 'Choose reports to check' : 'Velg rapporter som skal kontrolleres',
        filters: REPORT_FILTERS.map((f) => (f.name === '*' ? { ...f, name: english ? 'All files' : 'Alle filer' } : f)),
        multiple: true,
      });
      return paths.length ? service.checkPaths(paths) : [];
    },

    checkPaths: (paths) => check(paths, 'path'),

    async checkContent(files) {
      const bytes = new Map<string, Uint8Array>();
      for (const file of files)
        bytes.set(uniqueName(basename(file.name), bytes), Buffer.from(file.contentBase64, 'base64'));
      return check(
        [...bytes].map(([name, content]) => ({ name, bytes: content })),
        'dropped',
        bytes,
      );
    },

    async saveDraft(checkId) {
      const profile = requireProfile();
      const checked = recent.get(checkId);
      if (!checked) {
        throw new AppError('REPORT_CHECK_EXPIRED', {
          nb: 'Kontrollen er ikke lenger i minnet (appen er startet på nytt, eller mange filer er kontrollert siden). Kontroller filen på nytt.',
          en: 'The check is no longer remembered (the app restarted, or many files were checked since). Check the file again.',
        });
      }
      if (checked.profileId !== profile.id) {
        throw new AppError('REPORT_CHECKED_FOR_OTHER_PROFILE', {
          nb: 'Rapporten ble kontrollert for en annen virksomhet enn den som er valgt nå. Kontroller den på nytt.',
          en: 'The report was checked for another organisation than the one chosen now. Check it again.',
        });
      }
      const result = savable(checked.result);
      const draft = await mapStoreErrors(() =>
        drafts.save(profile.id, result, checked.dropped ? { dropped: checked.dropped } : {}),
      );
      return detailOf(draft);
    },

    async replaceAMelding(submissionId, files) {
      requireProfile();
      const replaced = (options.submissions ? await options.submissions() : []).find((s) => s.id === submissionId);
      if (replaced?.target.service !== 'a-melding' || replaced.state.kind !== 'received') {
        throw new AppError('REPORT_REPLACE_NOT_RECEIVED', {
          nb: 'Bare en a-melding Skatteetaten har mottatt kan erstattes.',
          en: 'Only an a-melding Skatteetaten has received can be replaced.',
        });
      }
      const corrected = files?.[0]
        ? { name: basename(files[0].name), bytes: Buffer.from(files[0].contentBase64, 'base64') }
        : await pickOne();
      if (!corrected) return [];
      const made = asReplacement(Buffer.from(corrected.bytes).toString('utf8'), replaced.target, () =>
        randomUUID().replace(/-/g, ''),
      );
      if (!made.ok) throw new AppError('REPORT_NOT_A_REPLACEMENT', made.error);
      const name = `erstatning-${replaced.target.meldingsId}-${corrected.name}`;
      const bytes = new Map([[name, new Uint8Array(Buffer.from(made.body, 'utf8'))]]);
      return check([{ name, bytes: bytes.get(name) as Uint8Array }], 'dropped', bytes);
    },

    async listDrafts() {
      const profile = options.activeProfile();
      if (!profile) return [];
      const items = await mapStoreErrors(() => drafts.list(profile.id));
      return Promise.all(items.map(async (item) => overviewOf(item, await drafts.sourceStatus(item))));
    },

    async getDraft(id) {
      return detailOf(await loadDraft(id));
    },

    deleteDraft: (id) => mapStoreErrors(() => drafts.delete(requireProfile().id, id)),

    async recheckDraft(id) {
      const profile = requireProfile();
      const draft = await loadDraft(id);
      const inputs = draft.files.map((f) => ({ name: f.sourcePath, bytes: Buffer.from(f.contentBase64, 'base64') }));
      const results = await checkWithProfile(inputs, profile);
      const result = results.find((r) => r.kind === draft.kind);
      if (!result || result.kind === 'unreadable') throw draftNotReadable();
      const updated = await mapStoreErrors(() => drafts.replaceResult(profile.id, id, result));
      if (!updated) throw draftNotFound();
      return detailOf(updated);
    },

    async checkDraftSource(id) {
      const draft = await loadDraft(id);
      const paths = draft.files.filter((f) => f.origin !== 'dropped').map((f) => f.sourcePath);
      if (paths.length === 0) {
        throw new AppError('DRAFT_SOURCE_NOT_TRACKED', {
          nb: 'Utkastet er laget av en fil som ble dratt inn i vinduet, så appen vet ikke hvor filen ligger. Dra inn den nye filen.',
          en: 'The draft was made from a file dropped on the window, so the app does not know where the file is. Drop the new file.',
        });
      }
      return service.checkPaths(paths);
    },
  };
  return service;
}

function overviewOf(item: DraftListItem, sourceStatus: DraftOverview['sourceStatus']): DraftOverview {
  const { result } = item;
  const subject =
    result.kind === 'amelding'
      ? { period: result.summary?.kalendermaaned, organisationNumber: result.summary?.opplysningspliktig }
      : {
          period: result.summary?.inntektsaar,
          organisationNumber: result.summary?.selskap.organisasjonsnummer,
          organisationName: result.summary?.selskap.navn,
        };
  return {
    id: item.id,
    kind: item.kind,
    savedAt: item.savedAt,
    checkedAt: item.checkedAt,
    valid: result.valid,
    errorCount: result.findings.filter((f) => f.severity === 'error').length,
    warningCount: result.findings.filter((f) => f.severity === 'warning').length,
    files: item.files.map((f) => ({ name: f.sourcePath, origin: f.origin ?? 'path', size: f.size })),
    ...Object.fromEntries(Object.entries(subject).filter(([, v]) => v !== undefined)),
    sourceStatus,
  };
}

function savable(result: CheckResult): AMeldingCheckResult | Rf1086CheckResult {
  if (result.kind === 'unreadable') {
    throw new AppError('REPORT_UNREADABLE_NOT_SAVABLE', {
      nb: 'En fil som ikke kunne leses som en rapport, kan ikke lagres som utkast.',
      en: 'A file that could not be read as a report cannot be saved as a draft.',
    });
  }
  return result;
}

/** Two dropped files with the same name (from different folders) must stay apart in findings and drafts. */
function uniqueName(name: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

function draftNotFound(): AppError {
  return new AppError('DRAFT_NOT_FOUND', {
    nb: 'Finner ikke utkastet. Det kan være slettet.',
    en: 'The draft was not found. It may have been deleted.',
  });
}

function draftNotReadable(): AppError {
  return new AppError('DRAFT_NOT_READABLE', {
    nb: 'Utkastets innhold kunne ikke leses som en rapport lenger.',
    en: "The draft's content could no longer be read as a report.",
  });
}

/** The draft store speaks in its own error type; the UI and the CLI need codes and messages in both languages. */
async function mapStoreErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (thrown) {
    if (!(thrown instanceof DraftStoreError)) throw thrown;
    const messages: Record<DraftStoreError['code'], { nb: string; en: string }> = {
      DRAFT_SOURCE_CHANGED: {
        nb: 'Filen er endret eller flyttet etter at den ble kontrollert. Kontroller den på nytt før du lagrer.',
        en: 'The file has changed or moved since it was checked. Check it again before saving.',
      },
      DRAFT_INVALID_ID: { nb: 'Ugyldig utkast eller virksomhet.', en: 'Invalid draft or organisation.' },
      DRAFT_CORRUPT: {
        nb: 'Et lagret utkast er skadet og kan ikke leses. Detaljene står i loggen.',
        en: 'A saved draft is damaged and cannot be read. The details are in the log.',
      },
    };
    throw new AppError(thrown.code, messages[thrown.code], [thrown.message]);
  }
}
