import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ServicePicker } from '../../../renderer/components/setup/ServicePicker';
import { SERVICES } from '../../../shared/domain/services-catalogue';
import { SCHEME_IDS, schemeById } from '../../../shared/tredjepart/schemes';
import { renderWithProviders } from '../render-with-providers';

describe('ServicePicker', () => {
  it('offers only the services Innsender can send, by name, with the scopes behind technical details', () => {
    renderWithProviders(<ServicePicker legend="Tjenester" chosen={['a-melding']} onChange={vi.fn()} />);
    for (const s of SERVICES) {
      const box = screen.queryByTestId(`service-${s.id}`);
      if (s.sendable) expect(box, s.id).not.toBeNull();
      else expect(box, s.id).toBeNull();
    }
    // Since the TPO file reception (filmottak) every tredjepart scheme can be sent: nothing is held back now.
    expect(SERVICES.filter((s) => !s.sendable).map((s) => s.id)).toEqual([]);
    const fieldset = screen.getByRole('group', { name: 'Tjenester' });
    const plain = fieldset.textContent!.replace(screen.getByTestId('service-technical').textContent!, '');
    expect(plain).not.toMatch(/skatteetaten:|ske-innrapportering|urn:altinn/);
    const technical = screen.getByTestId('service-technical');
    expect(within(technical).getByText('Tekniske detaljer')).toBeInTheDocument();
    expect(screen.getByTestId('service-a-melding-access').textContent).toContain(
      'skatteetaten:innrapporteringamelding',
    );
  });

  it('marks every service with a tredjepart scheme as sendable, and offers it', () => {
    renderWithProviders(<ServicePicker legend="Services" chosen={[]} onChange={vi.fn()} />, {}, { language: 'en' });
    for (const id of SCHEME_IDS) {
      const service = schemeById(id).serviceId;
      expect(SERVICES.find((s) => s.id === service)?.sendable, service).toBe(true);
      expect(screen.getByTestId(`service-${service}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId('service-tredjepart-skattefrie-utbetalinger-access').textContent).toContain(
      'the single right is from its earlier version',
    );
  });

  it('writes the not-confirmed notes in bokmål in the Norwegian UI', () => {
    renderWithProviders(
      <ServicePicker legend="Tjenester" chosen={['skattekort-til-arbeidsgiver']} onChange={vi.fn()} />,
    );
    const access = screen.getByTestId('service-skattekort-til-arbeidsgiver-access').textContent!;
    expect(access).toContain('den offisielle dokumentasjonen sier skatteetaten:forskudd');
    expect(access).not.toContain('the official doc');
  });
});
