import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Field,
  Heading,
  Label,
  Paragraph,
  Search,
  Select,
  Spinner,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ClientOverviewRow } from '../../shared/domain/client-overview';
import { formatCount } from '../../shared/format';
import { useActivateProfile, useProfiles } from '../bridge/queries';
import { useClientOverview } from '../bridge/firm-queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { EmptyState } from '../components/EmptyState';
import { ClientOverviewList } from '../components/overview/ClientOverviewList';
import { AgentKeyAlert } from '../components/overview/AgentKeyAlert';
import {
  OVERVIEW_FILTERS,
  OVERVIEW_SORT_KEYS,
  paramsOfQuery,
  queryFromParams,
  selectRows,
  type OverviewQuery,
  type OverviewSortKey,
} from '../components/overview/overview-query';
import { overviewPlace, rememberOverviewPlace } from '../components/overview/overview-memory';

/** The direction a column sorts in when first chosen: names A–Z, the most urgent first, the soonest deadline first. */
const FIRST_DIRECTION: Record<OverviewSortKey, OverviewQuery['direction']> = {
  name: 'ascending',
  orgNumber: 'ascending',
  attention: 'descending',
  deadline: 'ascending',
};

/**
 * The firm's home: every client with what needs attention, searchable, sortable and filtered in the page (main
 * answers once for all clients). The query lives in the address, so the way back from a client keeps it.
 */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const profiles = useProfiles();
  const activeId = profiles.data?.activeProfileId ?? null;
  const overview = useClientOverview(activeId);
  const activate = useActivateProfile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const [opening, setOpening] = useState<string | null>(null);
  const data = overview.data;
  const rows = useMemo(() => (data ? selectRows(data.rows, query) : []), [data, query]);
  // Opened from the menu with another query than the one left: that one is no longer where "back" returns.
  useEffect(() => {
    if (overviewPlace(activeId).search !== params.toString()) {
      rememberOverviewPlace(activeId, { search: params.toString(), offset: 0 });
    }
  }, [activeId, params]);

  const setQuery = (change: Partial<OverviewQuery>) => {
    const next = paramsOfQuery({ ...query, ...change });
    rememberOverviewPlace(activeId, { search: next.toString(), offset: 0 });
    setParams(next, { replace: true });
  };
  const sortBy = (sort: OverviewSortKey) =>
    setQuery({
      sort,
      direction:
        sort === query.sort ? (query.direction === 'ascending' ? 'descending' : 'ascending') : FIRST_DIRECTION[sort],
    });
  const toggleFilter = (filter: (typeof OVERVIEW_FILTERS)[number]) =>
    setQuery({
      filters: query.filters.includes(filter) ? query.filters.filter((f) => f !== filter) : [...query.filters, filter],
    });
  const open = async (row: ClientOverviewRow) => {
    // A standard profile's row is a profile of its own: open it first (one switch; the list stays cached).
    if (row.profileId !== activeId) {
      setOpening(row.name);
      await activate.mutateAsync(row.profileId).finally(() => setOpening(null));
    }
    void navigate(`/overview/${row.orgNumber}`);
  };

  if (profiles.isPending || (overview.isPending && activeId)) return <Spinner aria-label={t('app.loading')} />;
  const firm = data?.scope === 'firm';
  const total = data?.rows.length ?? 0;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('overview.title')}
      </Heading>
      <Paragraph>{firm ? t('overview.introFirm') : t('overview.introProfiles')}</Paragraph>
      {firm && <AgentKeyAlert />}
      {overview.error && <ErrorMessage error={overview.error} />}
      {activate.error && <ErrorMessage error={activate.error} />}
      {opening && (
        <Alert data-color="info" role="status">
          {t('overview.switching', { name: opening })}
        </Alert>
      )}
      {data && total === 0 && <EmptyState title={t('overview.title')}>{t('overview.noneFirm')}</EmptyState>}
      {data && total > 0 && (
        <>
          <div className="overview-controls">
            <Field>
              <Label htmlFor="overview-search">{t('overview.search')}</Label>
              <Search>
                <Search.Input
                  id="overview-search"
                  aria-label={t('overview.search')}
                  value={query.search}
                  onChange={(e) => setQuery({ search: e.target.value })}
                  data-testid="overview-search"
                />
                <Search.Clear onClick={() => setQuery({ search: '' })} />
              </Search>
            </Field>
            <Field>
              <Label htmlFor="overview-sort">{t('overview.sortLabel')}</Label>
              <Select
                id="overview-sort"
                value={`${query.sort}:${query.direction}`}
                onChange={(e) => {
                  const [sort, direction] = e.target.value.split(':') as [OverviewSortKey, OverviewQuery['direction']];
                  setQuery({ sort, direction });
                }}
                data-testid="overview-sort"
              >
                {OVERVIEW_SORT_KEYS.flatMap((key) =>
                  (['ascending', 'descending'] as const).map((direction) => (
                    <Select.Option key={`${key}:${direction}`} value={`${key}:${direction}`}>
                      {`${t(`overview.sortBy.${key}`)} (${t(`overview.${direction}`)})`}
                    </Select.Option>
                  )),
                )}
              </Select>
            </Field>
          </div>
          <fieldset className="overview-chips">
            <legend className="overview-quiet">{t('overview.filtersLabel')}</legend>
            {OVERVIEW_FILTERS.map((filter) => (
              <Chip.Checkbox
                key={filter}
                checked={query.filters.includes(filter)}
                onChange={() => toggleFilter(filter)}
                data-filter={filter}
              >
                {t(`overview.filter.${filter}`)}
              </Chip.Checkbox>
            ))}
          </fieldset>
          <Paragraph role="status" aria-live="polite" data-testid="overview-count">
            {firm
              ? t('overview.shownFirm', { count: rows.length, total: formatCount(total, i18n.language) })
              : t('overview.shownProfiles', { count: rows.length, total: formatCount(total, i18n.language) })}
          </Paragraph>
          {rows.length === 0 ? (
            <div className="stack">
              <Paragraph>{t('overview.noMatch')}</Paragraph>
              <div>
                <Button variant="secondary" onClick={() => setQuery({ search: '', filters: [] })}>
                  {t('overview.clearFilters')}
                </Button>
              </div>
            </div>
          ) : (
            <ClientOverviewList
              // A new query starts at the top; the same query (coming back) starts where it was left.
              key={params.toString()}
              rows={rows}
              query={query}
              onSort={sortBy}
              onOpen={(row) => void open(row)}
              initialOffset={overviewPlace(activeId).search === params.toString() ? overviewPlace(activeId).offset : 0}
              onScroll={(offset) => rememberOverviewPlace(activeId, { offset })}
            />
          )}
        </>
      )}
    </div>
  );
}
