import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Tag } from '@digdir/designsystemet-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ClientOverviewRow } from '../../../shared/domain/client-overview';
import { formatDate, formatOrgNumber } from '../../../shared/format';
import { serviceById } from '../../../shared/domain/services-catalogue';
import type { OverviewQuery, OverviewSortKey } from './overview-query';
import { REASON_COLOR } from './reason-color';
import './overview.css';

/** Every row has the same height, so the list's full height is known without measuring 500 rows. */
export const ROW_HEIGHT = 64;
/** Rows drawn beyond the visible ones on each side, so a quick scroll or arrow key never shows a gap. */
const OVERSCAN = 6;

const COLUMNS: { key: OverviewSortKey | null; label: string }[] = [
  { key: 'name', label: 'overview.sortBy.name' },
  { key: 'orgNumber', label: 'overview.columnOrg' },
  { key: 'attention', label: 'overview.columnStatus' },
  { key: 'deadline', label: 'overview.sortBy.deadline' },
  { key: null, label: 'overview.columnCounts' },
];

export interface ClientOverviewListProps {
  rows: readonly ClientOverviewRow[];
  query: OverviewQuery;
  onSort(key: OverviewSortKey): void;
  onOpen(row: ClientOverviewRow): void;
  /** Where the list was scrolled to when the user left it (restored on the way back). */
  initialOffset: number;
  onScroll(offset: number): void;
}

/**
 * The clients as a virtualised table: only the rows in view (and a few either side) are in the DOM, so 500
 * clients cost what 15 do. Each row's name opens the client; ↑/↓, Page Up/Down, Home and End move between rows
 * (scrolling the list), Enter opens one.
 */
export function ClientOverviewList({ rows, query, onSort, onOpen, initialOffset, onScroll }: ClientOverviewListProps) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // The virtualizer re-renders this component itself as the list scrolls; nothing here is memoised around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialOffset,
    onChange: (instance) => onScroll(instance.scrollOffset ?? 0),
  });
  const items = virtualizer.getVirtualItems();

  // Focus follows the keys once the row is drawn (it may only now have scrolled into the DOM).
  useEffect(() => {
    if (focusIndex === null) return;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] [data-open]`)?.focus();
  }, [focusIndex, items]);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = Number((event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index ?? NaN);
    if (Number.isNaN(from)) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 8) / ROW_HEIGHT) - 1);
    const to =
      { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page }[event.key] ??
      {
        Home: 0,
        End: rows.length - 1,
      }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const index = Math.min(rows.length - 1, Math.max(0, to));
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusIndex(index);
  };

  const sortState = (key: OverviewSortKey | null) => (key === query.sort ? query.direction : 'none');
  return (
    <div role="table" aria-label={t('overview.listLabel')} aria-rowcount={rows.length + 1} className="overview-table">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="overview-row overview-row--head">
          {COLUMNS.map((column) => (
            <div role="columnheader" key={column.label} aria-sort={sortState(column.key)}>
              {column.key ? (
                <button
                  type="button"
                  className="overview-sort"
                  aria-label={t(`overview.sortBy.${column.key}`)}
                  onClick={() => onSort(column.key as OverviewSortKey)}
                  data-sort={column.key}
                >
                  {t(column.label as 'overview.columnStatus')}
                  <span aria-hidden="true">
                    {sortState(column.key) === 'ascending' ? ' ▲' : sortState(column.key) === 'descending' ? ' ▼' : ''}
                  </span>
                </button>
              ) : (
                t(column.label as 'overview.columnCounts')
              )}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        className="overview-scroll"
        data-testid="overview-scroll"
        onKeyDown={moveFocus}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index] as ClientOverviewRow;
            return (
              <div
                role="row"
                key={`${row.profileId}:${row.orgNumber}`}
                aria-rowindex={item.index + 2}
                data-index={item.index}
                data-org={row.orgNumber}
                className="overview-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <div role="cell" className="overview-name">
                  {/* The column ends a long name in an ellipsis; the pointer shows it whole. */}
                  <a
                    href={`#/overview/${row.orgNumber}`}
                    title={row.name}
                    data-open
                    onClick={(event) => {
                      event.preventDefault();
                      onOpen(row);
                    }}
                  >
                    {row.name}
                  </a>
                </div>
                <div role="cell">{formatOrgNumber(row.orgNumber)}</div>
                <div role="cell" className="overview-reasons">
                  {row.attention.length === 0 ? (
                    <span className="overview-quiet">{t('overview.nothingToDo')}</span>
                  ) : (
                    <>
                      {row.attention.slice(0, 2).map((reason) => (
                        <Tag key={reason} data-size="sm" data-color={REASON_COLOR[reason]}>
                          {t(`overview.reason.${reason}`)}
                        </Tag>
                      ))}
                      {row.attention.length > 2 && (
                        <span className="overview-quiet">
                          {t('overview.moreReasons', { count: row.attention.length - 2 })}
                        </span>
                      )}
                    </>
                  )}
                </div>
                <div role="cell">
                  {row.nextDeadline ? (
                    <>
                      {formatDate(row.nextDeadline.dueDate, i18n.language)}
                      <br />
                      <span className="overview-quiet">
                        {serviceById(row.nextDeadline.service).name[i18n.language === 'en' ? 'en' : 'nb']} ·{' '}
                        {row.nextDeadline.daysLeft === 0
                          ? t('deadlines.dueToday')
                          : t('deadlines.daysLeft', { count: row.nextDeadline.daysLeft })}
                      </span>
                    </>
                  ) : (
                    <span className="overview-quiet">{t('overview.noDeadline')}</span>
                  )}
                </div>
                <div role="cell" className="overview-quiet">
                  {row.inFlight === null
                    ? t('overview.unknownCounts')
                    : [
                        t('overview.inFlight', { count: row.inFlight }),
                        ...(row.draftsWithErrors ? [t('overview.drafts', { count: row.draftsWithErrors })] : []),
                      ].join(' · ')}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
