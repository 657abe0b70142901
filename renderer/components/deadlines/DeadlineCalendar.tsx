import { useEffect, useRef } from 'react';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../shared/deadlines/deadline-views';
import { formatDate, formatMonth } from '../../../shared/format';
import { periodText, serviceName, STATUS_COLOR, whenText } from './deadline-text';

/**
 * The deadlines month by month (by due date), each with its status; the next one is marked, and the one a clicked
 * warning named (`highlightId`) is highlighted, scrolled into view and focused.
 */
export function DeadlineCalendar({
  deadlines,
  nextId,
  highlightId = null,
}: {
  deadlines: Deadline[];
  nextId: string | null;
  highlightId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const highlighted = useRef<HTMLLIElement>(null);
  const shown = deadlines.some((d) => d.id === highlightId);
  // Focus moves to it too, so a keyboard or screen-reader user lands where the warning pointed.
  useEffect(() => {
    if (!shown) return;
    highlighted.current?.scrollIntoView({ block: 'center' });
    highlighted.current?.focus({ preventScroll: true });
  }, [highlightId, shown]);
  const months = new Map<string, Deadline[]>();
  for (const d of deadlines) {
    const month = d.dueDate.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), d]);
  }
  return (
    <ol className="deadline-months" data-testid="deadline-calendar">
      {[...months].map(([month, items]) => (
        <li key={month} className="deadline-month" data-month={month}>
          <Heading level={3} data-size="2xs" className="deadline-month__name">
            {formatMonth(month, i18n.language)}
          </Heading>
          <ul className="deadline-items">
            {items.map((d) => (
              <li
                key={d.id}
                ref={d.id === highlightId ? highlighted : undefined}
                tabIndex={d.id === highlightId ? -1 : undefined}
                data-highlighted={d.id === highlightId ? 'true' : undefined}
                className={`deadline-item deadline-item--${d.status}${d.id === nextId ? ' deadline-item--next' : ''}${
                  d.id === highlightId ? ' deadline-item--highlighted' : ''
                }`}
                data-testid="deadline"
                data-id={d.id}
                data-due={d.dueDate}
                data-status={d.status}
                aria-current={d.id === nextId ? 'true' : undefined}
              >
                <time dateTime={d.dueDate} className="deadline-item__date">
                  {formatDate(d.dueDate, i18n.language)}
                </time>
                <div className="deadline-item__what">
                  <Paragraph data-size="sm">
                    <strong>{serviceName(d, i18n.language)}</strong> {periodText(d, t, i18n.language)}
                  </Paragraph>
                  {d.movedBecause && (
                    <Paragraph data-size="xs" className="deadline-muted" data-testid="deadline-moved">
                      {t(`deadlines.moved.${d.movedBecause}`, { date: formatDate(d.nominalDate, i18n.language) })}
                    </Paragraph>
                  )}
                  {d.id === highlightId && (
                    <Paragraph data-size="xs" data-testid="deadline-from-warning">
                      {t('deadlines.openedFromWarning')}
                    </Paragraph>
                  )}
                  {!d.confirmed && (
                    <Paragraph data-size="xs" className="deadline-muted" title={d.source}>
                      {t('deadlines.unconfirmed')}
                    </Paragraph>
                  )}
                </div>
                <div className="deadline-item__state">
                  <Tag data-color={STATUS_COLOR[d.status]} data-size="sm">
                    {t(`deadlines.status.${d.status}`)}
                  </Tag>
                  {d.status !== 'met' && (
                    <Paragraph data-size="xs" className="deadline-muted">
                      {whenText(d, t)}
                    </Paragraph>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
