import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServicesStep } from '../../../renderer/components/setup/ServicesStep';
import type { SetupOverview } from '../../../shared/domain/setup';
import { renderWithProviders } from '../render-with-providers';

/** The fields ServicesStep reads before a system is registered; the rest of the overview plays no part here. */
const overview = (kind: SetupOverview['kind']) =>
  ({ kind, services: ['a-melding'], system: null, request: null }) as unknown as SetupOverview;

const registered = () => ({ ok: true, value: overview('business') });

describe('what the systembruker gets, chosen before the system is registered', () => {
  it('lets a business choose access packages instead of single rights, in plain words', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(<ServicesStep overview={overview('business')} />, {
      'systemuser.registerSystem': registered,
    });
    expect(screen.getByLabelText('Enkeltrettigheter (anbefalt)')).toBeChecked();
    await user.click(screen.getByLabelText('Tilgangspakker'));
    await user.click(screen.getByTestId('register-system'));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('systemuser.registerSystem', {
        services: ['a-melding'],
        grant: 'access-packages',
      }),
    );
  });

  it("offers a firm the a-melding's client packages, preselects regnskapsforer-lonn and sends the firm's choice", async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(<ServicesStep overview={overview('firm')} />, {
      'systemuser.registerSystem': registered,
    });
    expect(screen.queryByTestId('grant-choice')).toBeNull();
    // Skatteetaten/api-dokumentasjon docs/api/innrapportering-amelding-filopplasting.md lists these for accountants.
    expect(screen.getByLabelText(/Regnskapsfører lønn/)).toBeChecked();
    expect(screen.getByLabelText(/Regnskapsfører med signeringsrettighet/)).not.toBeChecked();
    await user.click(screen.getByLabelText(/Regnskapsfører med signeringsrettighet/));
    await user.click(screen.getByTestId('register-system'));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('systemuser.registerSystem', {
        services: ['a-melding'],
        accessPackages: ['regnskapsforer-lonn', 'regnskapsforer-med-signeringsrettighet'],
      }),
    );
  });
});
