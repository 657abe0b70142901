import type { Page } from 'playwright-core';
import { MIN_WINDOW } from '../../../main/window/window-state';

/**
 * Layout faults a screenshot shows but no assertion on text catches, measured in the real browser: each returns what
 * it found (empty when the page is fine), for an `expect.soft(…).toEqual([])`.
 */

/**
 * Cards whose content touches their border: Designsystemet's card.css takes the padding off a Card with a Details
 * or a Card.Block as its own child (the blocks then carry the padding; a Details alone does not).
 */
export function cardsWithoutPadding(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ds-card')]
      .filter((card) => card.checkVisibility() && !card.querySelector(':scope > .ds-card__block'))
      .filter((card) => parseFloat(getComputedStyle(card).paddingLeft) === 0)
      .map((card) => card.dataset.testid ?? card.textContent?.trim().slice(0, 40) ?? '?'),
  );
}

/**
 * Ordinary words (four letters or more, lower case after an optional capital) a too narrow column splits across two
 * lines ("desemb|er"): a `dd` breaks anywhere (app.css, so an id never widens the page), which a squeezed grid
 * column turns on plain words too.
 */
export function wordsSplitAcrossLines(page: Page, selector: string): Promise<string[]> {
  // Ids and keys (in <code>, or mixed case like a kid) may break anywhere: that is what keeps them in the page.
  return textSplitAcrossLines(page, selector, /(?<!\p{L})\p{Lu}?\p{Ll}{3,}(?!\p{L})/gu, { skipInside: 'code' });
}

/**
 * Amounts, counts and org numbers written the app's way ("1 234 567 kr", "−12 000 kr", "211 785 462") that a narrow
 * table column or fact list breaks across lines at a group space: shared/format writes plain spaces (they paste into
 * a payroll system as typed), so only CSS (`.num`, app.css) keeps them whole. Running text may wrap where its words do.
 */
export function amountsSplitAcrossLines(page: Page, selector: string): Promise<string[]> {
  return textSplitAcrossLines(page, selector, /[−-]?\d{1,3}(?: \d{3})+(?:,\d{2})?(?: kr)?|\d+(?:,\d{2})? kr/g, {
    onlyInside: 'td, th, dd',
    skipInside: '.visually-hidden',
  });
}

/** The matches of `pattern` in the visible text under `selector` whose characters the browser laid out on two lines. */
function textSplitAcrossLines(
  page: Page,
  selector: string,
  pattern: RegExp,
  where: { onlyInside?: string; skipInside: string },
): Promise<string[]> {
  return page.evaluate(
    ({ selector, source, flags, onlyInside, skipInside }) => {
      const split = new Set<string>();
      for (const element of document.querySelectorAll(selector)) {
        if (!element.checkVisibility()) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || parent.closest(skipInside) || (onlyInside && !parent.closest(onlyInside))) continue;
          for (const match of (node.textContent ?? '').matchAll(new RegExp(source, flags))) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) split.add(match[0]);
          }
        }
      }
      return [...split];
    },
    {
      selector,
      source: pattern.source,
      flags: pattern.flags,
      onlyInside: where.onlyInside,
      skipInside: where.skipInside,
    },
  );
}

/**
 * What breaks at the smallest window the app allows (main/window/window-state.ts): the page growing wider than the
 * window (a table that does not scroll by itself) and amounts split over two lines. The viewport is put back after.
 */
export async function faultsAtSmallestWindow(
  page: Page,
  selector: string,
): Promise<{ pageWiderBy: number; amountsSplit: string[] }> {
  const before = page.viewportSize();
  await page.setViewportSize(MIN_WINDOW);
  try {
    const pageWiderBy = Math.max(
      0,
      (await page.evaluate(() => document.documentElement.scrollWidth)) - MIN_WINDOW.width,
    );
    return { pageWiderBy, amountsSplit: await amountsSplitAcrossLines(page, selector) };
  } finally {
    if (before) await page.setViewportSize(before);
  }
}
