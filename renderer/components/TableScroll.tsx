import type { ReactNode } from 'react';

/**
 * A table whose columns may be wider than the page at the smallest window (820 px): it scrolls sideways by itself,
 * so the page keeps its width and the amounts stay whole (`.num`). A focusable, labelled region, so the keyboard can
 * scroll it and a screen reader names it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
