import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PrerequisiteChecklist } from '../../../renderer/components/setup/PrerequisiteChecklist';
import { ErrorMessage } from '../../../renderer/components/ErrorMessage';
import { BridgeError } from '../../../renderer/bridge/api';
import { PREREQUISITES, type PrerequisiteChecklist as Checklist } from '../../../shared/domain/prerequisites';
import { renderWithProviders } from '../render-with-providers';

const ok = (value: unknown) => ({ ok: true, value });

describe('the prerequisites checklist in setup', () => {
  it('lists every prerequisite with its test-environment link, and ticks one through main', async () => {
    const user = userEvent.setup();
    let state: Checklist = { environment: 'test', done: [{ id: 'digdir-terms', at: '2026-11-23T09:00:00.000Z' }] };
    const { invoke } = renderWithProviders(<PrerequisiteChecklist />, {
      'prerequisites.checklist': () => ok(state),
      'prerequisites.tick': (tick) => {
        const { id, done } = tick as { id: Checklist['done'][number]['id']; done: boolean };
        state = {
          environment: 'test',
          done: done ? [...state.done, { id, at: '2026-11-23T10:00:00.000Z' }] : state.done.filter((d) => d.id !== id),
        };
        return ok(state);
      },
      'external.open': () => ok({ opened: true }),
    });
    expect(await screen.findByTestId('prerequisites-progress')).toHaveTextContent(
      `1 av ${PREREQUISITES.length} gjort.`,
    );
    for (const p of PREREQUISITES) expect(screen.getByTestId(`prerequisite-${p.id}`)).toHaveTextContent(p.title.nb);
    expect(screen.getByTestId('prerequisite-digdir-terms-done')).toBeChecked();
    expect(screen.getByTestId('prerequisite-maskinporten-client-done')).not.toBeChecked();

    await user.click(screen.getByTestId('prerequisite-maskinporten-client-done'));
    expect(invoke).toHaveBeenCalledWith('prerequisites.tick', { id: 'maskinporten-client', done: true });
    await waitFor(() => expect(screen.getByTestId('prerequisite-maskinporten-client-done')).toBeChecked());
    expect(screen.getByTestId('prerequisites-progress')).toHaveTextContent(`2 av ${PREREQUISITES.length} gjort.`);

    const client = screen.getByTestId('prerequisite-maskinporten-client');
    await user.click(within(client).getByRole('button', { name: 'Åpne sjolvbetjening.test.samarbeid.digdir.no' }));
    expect(invoke).toHaveBeenCalledWith('external.open', { url: 'https://sjolvbetjening.test.samarbeid.digdir.no' });
  });

  it('says in the sandbox that none of it is needed, with nothing to tick', async () => {
    renderWithProviders(
      <PrerequisiteChecklist />,
      { 'prerequisites.checklist': () => ok({ environment: 'sandbox', done: [] }) },
      { language: 'en' },
    );
    expect(await screen.findByTestId('prerequisites-sandbox')).toHaveTextContent(
      'The sandbox needs none of these: nothing is ordered, signed or approved outside Innsender.',
    );
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });

  it('a refusal naming a missing prerequisite offers its link', async () => {
    const user = userEvent.setup();
    const { invoke } = renderWithProviders(
      <ErrorMessage
        error={
          new BridgeError({
            code: 'MASKINPORTEN_UNKNOWN_CLIENT',
            message: { nb: 'Ukjent klient. Dette mangler: «Maskinporten-klienten».', en: 'Unknown client.' },
            prerequisite: { id: 'maskinporten-client', url: 'https://sjolvbetjening.samarbeid.digdir.no' },
          })
        }
      />,
      { 'external.open': () => ok({ opened: true }) },
    );
    await user.click(screen.getByTestId('open-prerequisite'));
    expect(invoke).toHaveBeenCalledWith('external.open', { url: 'https://sjolvbetjening.samarbeid.digdir.no' });
  });
});
