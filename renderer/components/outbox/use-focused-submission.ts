import { useEffect } from 'react';
import { useSearchParams } from 'react-router';

/**
 * `/outbox?submission=<id>` (a clicked notification about a rejection or a stuck submission): once the list is
 * shown, that submission is scrolled into view and gets the keyboard focus, so a screen reader starts there too.
 */
export function useFocusedSubmission(listShown: boolean) {
  const [params] = useSearchParams();
  const id = params.get('submission');
  useEffect(() => {
    if (!id || !listShown) return;
    const row = document.querySelector<HTMLElement>(`[data-testid="submission"][data-id="${CSS.escape(id)}"]`);
    if (!row) return;
    row.setAttribute('tabindex', '-1');
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }, [id, listShown]);
}
