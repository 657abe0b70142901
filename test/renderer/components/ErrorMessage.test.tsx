import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorMessage } from '../../../renderer/components/ErrorMessage';
import { BridgeError } from '../../../renderer/bridge/api';
import { renderWithProviders } from '../render-with-providers';

// What the owner saw in Oppsett with the network gone while creating the systembruker request: main's details are
// the operation and the network library's words, in English whatever the page's language. They are for support,
// so they sit behind "Tekniske detaljer", closed, like every other id and code in the app.
describe('an error from main', () => {
  const offline = new BridgeError({
    code: 'ALTINN_UNREACHABLE',
    message: {
      nb: 'Fjellstue AS (974 761 076): Fikk ikke kontakt med Altinn. Sjekk nettforbindelsen og prøv igjen.',
      en: 'Fjellstue AS (974 761 076): Could not reach Altinn. Check the network connection and try again.',
    },
    details: ['create system user request', 'fetch failed'],
  });

  it('says what happened and what to do in the page’s language, with the details closed under technical details', async () => {
    renderWithProviders(<ErrorMessage error={offline} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Fikk ikke kontakt med Altinn. Sjekk nettforbindelsen og prøv igjen.');
    const details = alert.querySelector('details');
    expect(details).not.toBeNull();
    expect(details?.open).toBe(false);
    expect(details).toHaveTextContent('Tekniske detaljer');
    for (const line of ['create system user request', 'fetch failed']) {
      expect(screen.getByText(line).closest('details')).toBe(details);
    }
    await userEvent.setup().click(screen.getByText('Tekniske detaljer'));
    expect(details?.open).toBe(true);
  });

  it('has no disclosure when there are no details', () => {
    renderWithProviders(
      <ErrorMessage
        error={new BridgeError({ code: 'X_FAILED', message: { nb: 'Det gikk galt.', en: 'It failed.' } })}
      />,
    );
    expect(screen.getByRole('alert').querySelector('details')).toBeNull();
  });
});
