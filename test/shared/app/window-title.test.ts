import { describe, expect, it } from 'vitest';
import { windowTitle, WindowTitleInputSchema } from '../../../shared/app/window-title';
import { APP_PAGES, isForEveryProfile, pageLabels, pageOfRoute } from '../../../shared/app/app-pages';

describe('the window title', () => {
  it('names the page, then the company, then the app', () => {
    expect(windowTitle({ page: 'Rapporter', company: 'Fjellstue AS' })).toBe('Rapporter — Fjellstue AS — Innsender');
    expect(windowTitle({ page: 'Oppsett', company: null })).toBe('Oppsett — Innsender');
  });

  it('accepts only one short line of ordinary text from the page', () => {
    expect(WindowTitleInputSchema.safeParse({ page: 'Utboks', company: 'Ærlig & Ørn AS' }).success).toBe(true);
    expect(WindowTitleInputSchema.safeParse({ page: 'Utboks\nFalsk linje', company: null }).success).toBe(false);
    expect(WindowTitleInputSchema.safeParse({ page: 'Utboks\u202e', company: null }).success).toBe(false);
    expect(WindowTitleInputSchema.safeParse({ page: '', company: null }).success).toBe(false);
    expect(WindowTitleInputSchema.safeParse({ page: 'x'.repeat(121), company: null }).success).toBe(false);
  });
});

describe('the app’s pages', () => {
  it('are named in both languages, in menu order, and a route finds its page', () => {
    expect(APP_PAGES.map((p) => p.path)).toEqual([
      '/overview',
      '/setup',
      '/clients',
      '/reports',
      '/tredjepart',
      '/skattekort',
      '/avstemming',
      '/outbox',
      '/feedback',
      '/deadlines',
      '/settings',
    ]);
    expect(pageLabels('nb').outbox).toBe('Utboks');
    expect(pageLabels('en').outbox).toBe('Outbox');
    expect(pageOfRoute('/feedback?item=x')?.label.nb).toBe('Tilbakemeldinger');
    expect(pageOfRoute('/nowhere')).toBeUndefined();
    expect(APP_PAGES.filter((p) => !isForEveryProfile(p)).map((p) => p.id)).toEqual(['overview', 'clients']);
  });
});
