import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { initI18n } from '../../renderer/i18n';
import { createBridgeApi, type BridgeTransport } from '../../shared/ipc/bridge-api';
import type { ChannelName } from '../../shared/ipc/contract';

/**
 * Renders a component with the app's providers and a `window.innsender` built by the real createBridgeApi, whose
 * transport answers from `answers` (per channel) and records every call.
 */
export function renderWithProviders(
  ui: ReactElement,
  answers: Partial<Record<ChannelName, (payload: unknown) => unknown>> = {},
  options: {
    language?: 'nb' | 'en';
    route?: string;
    /** Main's events, for a test that sends some (default: none arrive). */
    subscribe?: BridgeTransport['subscribe'];
  } = {},
) {
  const invoke = vi.fn(async (channel: ChannelName, payload: unknown) => {
    const answer = answers[channel];
    if (!answer) throw new Error(`no answer for ${channel} in this test`);
    return answer(payload);
  });
  window.innsender = createBridgeApi({ invoke, subscribe: options.subscribe ?? (() => () => {}) });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const i18n = initI18n(options.language ?? 'nb');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...view, invoke };
}
