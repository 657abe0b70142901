import { describe, expect, it } from 'vitest';
import { isOpenEvent, OPEN_EVENT_ROUTES, routeOfOpenEvent } from '../../../shared/ipc/open-routes';

describe('the routes a clicked notification opens', () => {
  it('names only the open events', () => {
    expect(isOpenEvent('feedback.open')).toBe(true);
    expect(isOpenEvent('deadlines.open')).toBe(true);
    expect(isOpenEvent('outbox.open')).toBe(true);
    expect(isOpenEvent('overview.open')).toBe(true);
    expect(isOpenEvent('app.navigate')).toBe(false);
    expect(isOpenEvent('feedback.new')).toBe(false);
    expect(isOpenEvent('profiles.changed')).toBe(false);
  });

  it('gives the page and the item, with the id encoded, the same for main and the renderer', () => {
    expect(routeOfOpenEvent('feedback.open', { dialogId: '0194f3a1-7c2e-7b1d-9a51-0c4d2e8f6a10' })).toBe(
      '/feedback?item=0194f3a1-7c2e-7b1d-9a51-0c4d2e8f6a10',
    );
    expect(routeOfOpenEvent('deadlines.open', { deadlineId: 'a-melding:2026-03' })).toBe(
      '/deadlines?deadline=a-melding%3A2026-03',
    );
    const route = OPEN_EVENT_ROUTES['deadlines.open']({ deadlineId: 'tredjepart-boligselskap:2025' });
    expect(new URL(route, 'app://innsender').searchParams.get('deadline')).toBe('tredjepart-boligselskap:2025');
    // A firm's warning: the overview's own filter param, which its page reads (overview-query.ts).
    expect(routeOfOpenEvent('overview.open', { filter: 'deadline' })).toBe('/overview?filter=deadline');
  });
});
