import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../shared/domain/app-error';
import type { Language } from '../../shared/domain/localized';
import { profileKind, reportsOrgOf, type Profile } from '../../shared/domain/profile';
import type { RegisterFacts } from '../../shared/domain/register-facts';
import type { Submission } from '../../shared/outbox/submission';
import type { AMeldingCheckResult, CheckResult, Rf1086CheckResult } from '../../shared/reports/check-result';
import type { Draft, DraftListItem } from '../../shared/reports/draft';
import type { CheckedReport, DraftDetail, DraftOverview, DroppedFile } from '../../shared/reports/report-views';

/** What the firm's overview needs of a draft. */
export type DraftErrors = Pick<DraftOverview, 'errorCount' | 'clientOrg' | 'organisationNumber'>;
import type { DesktopPort } from '../desktop-port';
import { checkReportFiles, type CheckReportOptions, type ReportInput } from './check-report-files';
import type { CheckReportFiles } from './check-in-worker';
import { withAlreadySent } from '../outbox/duplicate-guard';
import { knownAMeldingerOf } from './known-messages';
import { createDraftStore, DraftStoreError, type DraftStore } from './draft-store';
import { createRecentChecks, type RecentCheck } from './recent-checks';
import { routeReports, type RoutingTarget } from './route-reports';
import { identifyReport, type IdentifyInput } from './identify-report';
import type { IdentifyReports } from './check-in-worker';
import { filesInFolders } from './report-folder';
import { readReportFilesBytes } from './read-report-file';
import {
  MAX_ROUTED_FILES,
  type RouteProgress,
  type RouteTarget,
  type RoutedReports,
} from '../../shared/reports/report-routing';
import type { SchemeId } from '../../shared/tredjepart/schemes';
import type { TredjepartCheck } from '../../shared/tredjepart/tredjepart-views';
import { createRoutedTredjepart, type RoutedTredjepartChecker } from './routed-tredjepart';
import { asReplacement } from '../../shared/reports/amelding/replacement-body';
import { DEFAULT_MAX_REPORT_BYTES } from '../../shared/reports/xml/decode-report-bytes';
import { describeFileReadFailure, readRegularFile } from '../disk/read-regular-file';
import { reportEnvironmentFor } from './report-environment';

export interface ReportsServiceOptions {
  /** Where drafts are kept: `<dataDir>/drafts`, one folder per profile. */
  draftsDir: string;
  activeProfile: () => Profile | null;
  /** Any profile by its id: a routed check is saved in the profile it was routed to, active or not. */
  profileById?: (id: string) => Profile | null;
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
  /**
   * Enhetsregisteret: the cached facts a check gets (read from disk before it, never fetched during it), and,
   * where given, a best-effort prefetch of the organisations a check found, so the next check has them.
   */
  register?: {
    factsFor(profile: Profile): Promise<RegisterFacts>;
    prefetch?(profile: Profile, orgNumbers: readonly string[]): Promise<void>;
  };
  /** For tests: a fixed date, another schema folder. */
  check?: Partial<Pick<CheckReportOptions, 'today' | 'now' | 'schemaDir' | 'maxBytes'>>;
  /**
   * Files for many clients (issue 14): where files may be routed by their org number, given the active profile
   * (route-targets.ts), how routing reads who a file is for (in a worker thread in the app), and its progress.
   */
  routing?: {
    targets(active: Profile | null): Promise<readonly RoutingTarget[]>;
    identify?: IdentifyReports;
    onProgress?(progress: RouteProgress): void;
    /** The tredjepart check a routed tredjepart file gets, with its target's rules (TredjepartService). */
    tredjepart?: RoutedTredjepartChecker;
  };
}

export interface ReportsService {
  readonly drafts: DraftStore;
  pick(): Promise<CheckedReport[]>;
  checkPaths(paths: readonly string[]): Promise<CheckedReport[]>;
  checkContent(files: readonly DroppedFile[]): Promise<CheckedReport[]>;
  saveDraft(checkId: string): Promise<DraftDetail>;
  listDrafts(): Promise<DraftOverview[]>;
  /**
   * Each draft's errors and the org it is for, without looking at its source files (`listDrafts` reads and hashes
   * them for `sourceStatus`): what the firm's overview counts per client.
   */
  listDraftErrors(): Promise<DraftErrors[]>;
  getDraft(id: string): Promise<DraftDetail>;
  deleteDraft(id: string): Promise<boolean>;
  recheckDraft(id: string): Promise<DraftDetail>;
  checkDraftSource(id: string): Promise<CheckedReport[]>;
  /**
   * "Erstatt": the corrected a-melding (dropped, or picked in the native dialog when `files` is absent) made into
   * the replacement of the received one `submissionId`, then checked as a new report against the profile's outbox.
   */
  replaceAMelding(submissionId: string, files?: readonly DroppedFile[]): Promise<CheckedReport[]>;
  /** Routes dropped files (a folder's too) to the client or profile each is for, checked with its rules. */
  routeContent(files: readonly DroppedFile[]): Promise<RoutedReports>;
  /** The native dialog (files, or folders) and the same routing for what was picked; empty when cancelled. */
  pickAndRoute(folders: boolean): Promise<RoutedReports>;
  routePaths(paths: readonly string[]): Promise<RoutedReports>;
  /** Saves routed checks, each as its client's or profile's draft; stops at the first that cannot be saved. */
  saveRouted(checkIds: readonly string[]): Promise<{ checkId: string; draftId: string }[]>;
  /** A routed tredjepart file checked for the scheme the user chose among those its fields fit. */
  checkRoutedTredjepart(fileId: string, scheme: SchemeId): Promise<TredjepartCheck>;
}

export { reportEnvironmentFor };

const JSON_FILTER = { name: 'A-melding (JSON)', extensions: ['json'] };

const REPORT_FILTERS = [
  { name: 'A-melding, RF-1086 (XML, JSON)', extensions: ['xml', 'json'] },
  { name: '*', extensions: ['*'] },
];

/** The Reports page's work in main: checks with the active profile's rules, a short memory of them, drafts. */
export function createReportsService(options: ReportsServiceOptions): ReportsService {
  const drafts = createDraftStore(options.draftsDir, () => options.check?.now?.() ?? new Date());
  // Enough for a routed folder (MAX_ROUTED_FILES); the dropped bytes held stay bounded by the default ceiling.
  const recent = createRecentChecks({ maxChecks: MAX_ROUTED_FILES });
  const checkFiles = options.checkFiles ?? checkReportFiles;
  const routedTredjepart = createRoutedTredjepart(options.routing?.tredjepart);

  /** The checks with the profile's rules, each result saying whether its outbox already holds the report. */
  async function checkWithProfile(inputs: readonly ReportInput[], profile: Profile | null): Promise<CheckResult[]> {
    const submissions = profile && options.submissions ? await options.submissions() : undefined;
    const register = profile && options.register ? await options.register.factsFor(profile) : undefined;
    const results = await checkFiles(inputs, {
      environment: reportEnvironmentFor(profile),
      ...(profile ? { profileOrg: reportsOrgOf(profile) } : {}),
      ...(profile && profileKind(profile) === 'firm' && options.clientOrgs
        ? { clientOrgs: await options.clientOrgs(profile) }
        : {}),
      ...(submissions ? { knownMessages: knownAMeldingerOf(submissions) } : {}),
      ...(register ? { register } : {}),
      ...options.check,
    });
    if (profile && options.register?.prefetch) void options.register.prefetch(profile, reportedOrgs(results));
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

  /** Routes files (bytes, with the path for picked ones) and remembers each check for its target. */
  async function route(
    files: readonly (IdentifyInput & { path?: string })[],
    failed: readonly CheckResult[] = [],
  ): Promise<RoutedReports> {
    const active = options.activeProfile();
    const targets = options.routing ? await options.routing.targets(active) : [];
    const routed = await routeReports(files, {
      targets,
      identify: options.routing?.identify ?? identifyInline,
      checkFiles,
      ...(options.check?.maxBytes === undefined ? {} : { maxBytes: options.check.maxBytes }),
      ...(options.routing?.onProgress ? { onProgress: options.routing.onProgress } : {}),
      ...(options.check?.now ? { now: options.check.now } : {}),
    });
    const byName = new Map(files.map((f) => [f.name, f]));
    const remember = (result: CheckResult, target?: RouteTarget): CheckedReport => {
      const dropped = result.files.every((f) => byName.get(f.path)?.path === undefined);
      const held = dropped
        ? new Map(result.files.map((f) => [f.path, byName.get(f.path)?.bytes ?? new Uint8Array()]))
        : undefined;
      const origin = dropped ? 'dropped' : 'path';
      const checkId = recent.remember({
        result,
        origin,
        profileId: target?.profileId ?? null,
        ...(held ? { dropped: held } : {}),
        ...(target ? { routed: { clientOrg: target.kind === 'client' ? target.orgNumber : undefined } } : {}),
      });
      return { checkId, origin, result };
    };
    if (active && options.register?.prefetch) {
      void options.register.prefetch(active, [...routed.groups.map((g) => g.target.orgNumber)]);
    }
    const groups = [];
    for (const g of routed.groups) {
      const tredjepart = g.tredjepart.map((name) => {
        const file = byName.get(name);
        return { name, bytes: file?.bytes ?? new Uint8Array(), origin: file?.path ? 'path' : 'dropped' } as const;
      });
      groups.push({
        target: g.target,
        checks: g.results.map((r) => remember(r, g.target)),
        tredjepart: await routedTredjepart.entries(tredjepart, g.target),
      });
    }
    return {
      firm: !!active && profileKind(active) === 'firm',
      groups,
      unknown: routed.unknown,
      unreadable: [...failed, ...routed.unreadable].map((r) => remember(r)),
    };
  }

  /** Picked paths' bytes; one that cannot be read is an unreadable result at once, with the reader's reason. */
  async function readPicked(paths: readonly string[]) {
    const maxBytes = options.check?.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
    const read = await readReportFilesBytes(paths, { maxBytes });
    const checkedAt = (options.check?.now?.() ?? new Date()).toISOString();
    const files: (IdentifyInput & { path: string })[] = [];
    const failed: CheckResult[] = [];
    for (const path of paths) {
      const got = read.get(path);
      if (got?.ok) files.push({ name: path, path, bytes: got.bytes });
      else if (got) {
        const info = { path, sha256: '0'.repeat(64), size: got.size ?? 0 };
        failed.push({
          kind: 'unreadable',
          files: [info],
          valid: false,
          findings: [{ ...got.finding, file: path }],
          checkedAt,
        });
      }
    }
    return { files, failed };
  }

  const service: ReportsService = {
    drafts,

    routeContent(files) {
      const bytes = new Map<string, Uint8Array>();
      for (const file of files)
        bytes.set(uniqueName(basename(file.name), bytes), Buffer.from(file.contentBase64, 'base64'));
      return route([...bytes].map(([name, content]) => ({ name, bytes: content })));
    },

    async routePaths(paths) {
      const { files, failed } = await readPicked(await filesInFolders(paths));
      return route(files, failed);
    },

    async pickAndRoute(folders) {
      const english = options.language() === 'en';
      const paths = await options.desktop.pickFiles({
        title: folders
          ? english
            ? 'Choose folders with reports'
            : 'Velg mapper med rapporter'
          : english
            ? 'Choose reports to check'
            : 'Velg rapporter som skal kontrolleres',
        filters: REPORT_FILTERS.map((f) => (f.name === '*' ? { ...f, name: english ? 'All files' : 'Alle filer' } : f)),
        multiple: true,
        ...(folders ? { folders: true } : {}),
      });
      return paths.length ? service.routePaths(paths) : { firm: false, groups: [], unknown: [], unreadable: [] };
    },

    checkRoutedTredjepart: (fileId, scheme) => routedTredjepart.check(fileId, scheme),

    async saveRouted(checkIds) {
      const saved: { checkId: string; draftId: string }[] = [];
      for (const checkId of checkIds) saved.push({ checkId, draftId: (await service.saveDraft(checkId)).id });
      return saved;
    },

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
      const active = requireProfile();
      const checked = recent.get(checkId);
      // A routed check belongs to the profile it was routed to (a business's other profile, or the firm itself).
      const profile = checked?.routed ? (options.profileById?.(checked.profileId ?? '') ?? null) : active;
      if (!checked) {
        throw new AppError('REPORT_CHECK_EXPIRED', {
          nb: 'Kontrollen er ikke lenger i minnet (appen er startet på nytt, eller mange filer er kontrollert siden). Kontroller filen på nytt.',
          en: 'The check is no longer remembered (the app restarted, or many files were checked since). Check the file again.',
        });
      }
      if (!profile || checked.profileId !== profile.id) {
        throw new AppError('REPORT_CHECKED_FOR_OTHER_PROFILE', {
          nb: 'Rapporten ble kontrollert for en annen virksomhet enn den som er valgt nå. Kontroller den på nytt.',
          en: 'The report was checked for another organisation than the one chosen now. Check it again.',
        });
      }
      const result = savable(checked.result);
      const draft = await mapStoreErrors(() =>
        drafts.save(profile.id, result, {
          ...(checked.dropped ? { dropped: checked.dropped } : {}),
          ...(checked.routed?.clientOrg ? { clientOrg: checked.routed.clientOrg } : {}),
        }),
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

    async listDraftErrors() {
      const profile = options.activeProfile();
      if (!profile) return [];
      const items = await mapStoreErrors(() => drafts.list(profile.id));
      return items.map((item) => {
        const { organisationNumber } = subjectOf(item);
        return {
          errorCount: errorsOf(item),
          ...(item.clientOrg ? { clientOrg: item.clientOrg } : {}),
          ...(organisationNumber ? { organisationNumber } : {}),
        };
      });
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

/** Routing's reading of who files are for, inline (the CLI and tests). */
const identifyInline: IdentifyReports = async (inputs, limits) => inputs.map((input) => identifyReport(input, limits));

/** The organisations the checked reports are for: an a-melding's employer, an RF-1086's company. */
function reportedOrgs(results: readonly CheckResult[]): string[] {
  return results.flatMap((r) => {
    const org =
      r.kind === 'amelding'
        ? r.summary?.opplysningspliktig
        : r.kind === 'rf1086'
          ? r.summary?.selskap.organisasjonsnummer
          : undefined;
    return org ? [org] : [];
  });
}

/** The period and organisation a draft reports for, as its check read them. */
function subjectOf({ result }: DraftListItem) {
  return result.kind === 'amelding'
    ? { period: result.summary?.kalendermaaned, organisationNumber: result.summary?.opplysningspliktig }
    : {
        period: result.summary?.inntektsaar,
        organisationNumber: result.summary?.selskap.organisasjonsnummer,
        organisationName: result.summary?.selskap.navn,
      };
}

const errorsOf = (item: DraftListItem) => item.result.findings.filter((f) => f.severity === 'error').length;

function overviewOf(item: DraftListItem, sourceStatus: DraftOverview['sourceStatus']): DraftOverview {
  const { result } = item;
  const subject = subjectOf(item);
  return {
    id: item.id,
    kind: item.kind,
    savedAt: item.savedAt,
    checkedAt: item.checkedAt,
    valid: result.valid,
    errorCount: errorsOf(item),
    warningCount: result.findings.filter((f) => f.severity === 'warning').length,
    files: item.files.map((f) => ({ name: f.sourcePath, origin: f.origin ?? 'path', size: f.size })),
    ...(item.clientOrg ? { clientOrg: item.clientOrg } : {}),
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
