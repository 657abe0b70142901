import { ATTENTION_REASONS, type ClientOverviewRow } from '../../../shared/domain/client-overview';
import { companyMatcher } from '../company-search';

/** What the overview shows: the search text, the sort and the filter chips, kept in the page's address. */
export interface OverviewQuery {
  search: string;
  sort: OverviewSortKey;
  direction: 'ascending' | 'descending';
  filters: readonly OverviewFilter[];
}

export const OVERVIEW_SORT_KEYS = ['name', 'orgNumber', 'attention', 'deadline'] as const;
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];

export const OVERVIEW_FILTERS = ['attention', 'deadline', 'rejected', 'feedback', 'delegation'] as const;
export type OverviewFilter = (typeof OVERVIEW_FILTERS)[number];

export const DEFAULT_QUERY: OverviewQuery = { search: '', sort: 'attention', direction: 'descending', filters: [] };

const FILTER_TEST: Record<OverviewFilter, (row: ClientOverviewRow) => boolean> = {
  attention: (row) => row.attention.length > 0,
  // What a firm's deadline warning opens (`overview.open`): clients whose next deadline is soon and not yet met.
  deadline: (row) => row.attention.includes('deadline-soon'),
  rejected: (row) => (row.rejected ?? 0) > 0,
  feedback: (row) => (row.newFeedback ?? 0) > 0,
  delegation: (row) => row.attention.includes('setup-missing') || row.attention.includes('delegation-missing'),
};

/**
 * How much a row needs the user: its weightiest reason counts most (a missing delegation outweighs any number of
 * unread feedback items), then how many reasons it has. Rows with nothing to do score 0.
 */
export function attentionScore(row: ClientOverviewRow): number {
  const first = row.attention[0];
  if (!first) return 0;
  return (ATTENTION_REASONS.length - ATTENTION_REASONS.indexOf(first)) * 100 + row.attention.length;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

const COMPARE: Record<OverviewSortKey, (a: ClientOverviewRow, b: ClientOverviewRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  orgNumber: (a, b) => a.orgNumber.localeCompare(b.orgNumber),
  attention: (a, b) => attentionScore(a) - attentionScore(b),
  // No deadline sorts after every deadline, whichever the direction of the days.
  deadline: (a, b) => (a.nextDeadline?.daysLeft ?? Infinity) - (b.nextDeadline?.daysLeft ?? Infinity),
};

/** The rows the query selects, in its order (a stable sort: equal rows keep name order). */
export function selectRows(rows: readonly ClientOverviewRow[], query: OverviewQuery): ClientOverviewRow[] {
  const matches = companyMatcher(query.search);
  const tests = query.filters.map((f) => FILTER_TEST[f]);
  const picked = rows.filter((row) => matches(row.name, row.orgNumber) && tests.every((test) => test(row)));
  const sign = query.direction === 'ascending' ? 1 : -1;
  const compare = COMPARE[query.sort];
  return picked.sort((a, b) => sign * compare(a, b) || COMPARE.name(a, b));
}

/** The query from the page's address (unknown values fall back to the default). */
export function queryFromParams(params: URLSearchParams): OverviewQuery {
  const sort = params.get('sort');
  const direction = params.get('dir');
  return {
    search: params.get('q') ?? '',
    sort: (OVERVIEW_SORT_KEYS as readonly string[]).includes(sort ?? '')
      ? (sort as OverviewSortKey)
      : DEFAULT_QUERY.sort,
    direction: direction === 'ascending' || direction === 'descending' ? direction : DEFAULT_QUERY.direction,
    filters: params
      .getAll('filter')
      .filter((f): f is OverviewFilter => (OVERVIEW_FILTERS as readonly string[]).includes(f)),
  };
}

export function paramsOfQuery(query: OverviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.direction !== DEFAULT_QUERY.direction) params.set('dir', query.direction);
  for (const f of query.filters) params.append('filter', f);
  return params;
}
