import type { Submission } from '../../shared/outbox/submission';
import type { CheckResult } from '../../shared/reports/check-result';
import { withAlreadySent } from '../outbox/duplicate-guard';
import type { RouteProgress, RouteTarget, RoutedKind } from '../../shared/reports/report-routing';
import type { CheckReportOptions } from './check-report-files';
import type { CheckReportFiles, IdentifyReports } from './check-in-worker';
import type { IdentifyInput, ReportIdentity } from './identify-report';

/** How one organisation's files are checked: its profile's environment, its org (or client), its sent messages. */
export interface TargetRules {
  readonly options: CheckReportOptions;
  /** Its outbox's submissions, which also say whether a checked report is already sent (duplicate-guard.ts). */
  readonly submissions?: readonly Submission[];
}

/** One organisation files may be routed to, with the rules its files are checked by. */
export interface RoutingTarget {
  readonly target: RouteTarget;
  rules(): Promise<TargetRules>;
}

export interface RouteReportsOptions {
  readonly targets: readonly RoutingTarget[];
  readonly identify: IdentifyReports;
  readonly checkFiles: CheckReportFiles;
  readonly maxBytes?: number;
  /** How many identify or check runs go at once (each is a worker thread in the app). */
  readonly concurrency?: number;
  /** How many files one identify run reads, so progress moves during a large folder. */
  readonly identifyBatch?: number;
  readonly onProgress?: (progress: RouteProgress) => void;
  /** When unreadable files were found out (the checks take theirs from the check options). */
  readonly now?: () => Date;
}

export interface RoutedFiles {
  readonly groups: { target: RouteTarget; results: CheckResult[]; tredjepart: string[] }[];
  readonly unknown: { orgNumber: string; files: { name: string; kind: RoutedKind }[] }[];
  readonly unreadable: CheckResult[];
}

/**
 * Routes files to the organisation each reports for and checks each organisation's files together with its own
 * rules (an RF-1086 hovedskjema and its underskjema name the same company, so they are one check, as when picked
 * together). Files for an organisation that is no target are listed under it; unreadable ones with their finding.
 * Identify and check runs go `concurrency` at a time: on a two-core machine a folder of hundreds of files keeps one
 * core for the window.
 */
export async function routeReports(
  files: readonly IdentifyInput[],
  options: RouteReportsOptions,
): Promise<RoutedFiles> {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const batch = Math.max(1, options.identifyBatch ?? 50);
  const limits = options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes };
  const total = files.length;
  const progress = (phase: RouteProgress['phase'], done: number) => options.onProgress?.({ phase, done, total });

  let read = 0;
  progress('reading', 0);
  const batches = chunks(files, batch);
  const identities = (
    await mapLimited(batches, concurrency, async (part) => {
      const found = await options.identify(part, limits);
      read += part.length;
      progress('reading', read);
      return found;
    })
  ).flat();

  const byOrg = new Map(options.targets.map((t) => [t.target.orgNumber, t]));
  const routed = new Map<string, { target: RoutingTarget; inputs: IdentifyInput[]; tredjepart: string[] }>();
  const unknown = new Map<string, { name: string; kind: RoutedKind }[]>();
  const unreadable: CheckResult[] = [];
  files.forEach((file, i) => {
    const identity = identities[i] as ReportIdentity;
    if (identity.kind === 'unreadable') {
      unreadable.push(unreadableResult(file.name, identity, options.now?.() ?? new Date()));
      return;
    }
    const target = byOrg.get(identity.orgNumber);
    if (!target) {
      const list = unknown.get(identity.orgNumber) ?? [];
      list.push({ name: file.name, kind: identity.kind });
      unknown.set(identity.orgNumber, list);
      return;
    }
    const group = routed.get(identity.orgNumber) ?? { target, inputs: [], tredjepart: [] };
    if (identity.kind === 'tredjepart') group.tredjepart.push(file.name);
    else group.inputs.push(file);
    routed.set(identity.orgNumber, group);
  });

  let checked = 0;
  const toCheck = [...routed.values()];
  const checkedTotal = toCheck.reduce((n, g) => n + g.inputs.length, 0);
  options.onProgress?.({ phase: 'checking', done: 0, total: checkedTotal });
  const groups = await mapLimited(toCheck, concurrency, async (group) => {
    const rules = await group.target.rules();
    const found = group.inputs.length ? await options.checkFiles(group.inputs, rules.options) : [];
    const { submissions } = rules;
    const results = submissions ? found.map((r) => withAlreadySent(r, submissions)) : found;
    checked += group.inputs.length;
    options.onProgress?.({ phase: 'checking', done: checked, total: checkedTotal });
    return { target: group.target.target, results, tredjepart: group.tredjepart };
  });

  return {
    groups: groups.sort((a, b) => a.target.name.localeCompare(b.target.name, 'nb')),
    unknown: [...unknown].map(([orgNumber, list]) => ({ orgNumber, files: list })),
    unreadable,
  };
}

function unreadableResult(
  name: string,
  identity: Extract<ReportIdentity, { kind: 'unreadable' }>,
  at: Date,
): CheckResult {
  return {
    kind: 'unreadable',
    files: [{ path: name, sha256: identity.sha256, size: identity.size }],
    valid: false,
    findings: [{ ...identity.finding, file: name }],
    checkedAt: at.toISOString(),
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `run` over `items`, at most `limit` at a time, results in the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}
