import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ServicePicker } from '../../../renderer/components/setup/ServicePicker';
import { SERVICES } from '../../../shared/domain/services-catalogue';
import { renderWithProviders } from '../render-with-providers';

describe('ServicePicker', () => {
  it('offers only the services Innsender can send, by name, with the scopes behind technical details', () => {
    renderWithProviders(<ServicePicker legend="Tjenester" chosen={['a-melding']} onChange={vi.fn()} />);
    for (const s of SERVICES) {
      const box = screen.queryByTestId(`service-${s.id}`);
      if (s.sendable) expect(box, s.id).not.toBeNull();
      else expect(box, s.id).toBeNull();
    }
    expect(SERVICES.filter((s) => !s.sendable).map((s) => s.id)).toEqual([
      'tredjepart-aksjesparekonto',
      'tredjepart-finansprodukter',
      'tredjepart-skattefrie-utbetalinger',
      'tredjepart-opphaverrett',
    ]);
    const fieldset = screen.getByRole('group', { name: 'Tjenester' });
    const plain = fieldset.textContent!.replace(screen.getByTestId('service-technical').textContent!, '');
    expect(plain).not.toMatch(/skatteetaten:|ske-innrapportering|urn:altinn/);
    const technical = screen.getByTestId('service-technical');
    expect(within(technical).getByText('Tekniske detaljer')).toBeInTheDocument();
    expect(screen.getByTestId('service-a-melding-access').textContent).toContain(
      'skatteetaten:innrapporteringamelding',
    );
  });

  it('still shows a service the profile chose earlier that cannot be sent, so it can be removed', () => {
    const onChange = vi.fn();
    renderWithProviders(
      <ServicePicker legend="Services" chosen={['tredjepart-skattefrie-utbetalinger']} onChange={onChange} />,
      {},
      { language: 'en' },
    );
    const box = screen.getByTestId('service-tredjepart-skattefrie-utbetalinger');
    expect(box.closest('.ds-field, div')!.textContent).toContain('Innsender cannot send this yet');
    expect(screen.getByTestId('service-tredjepart-skattefrie-utbetalinger-access').textContent).toContain(
      'the single right is from its earlier version',
    );
    expect(screen.queryByTestId('service-tredjepart-aksjesparekonto')).toBeNull();
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
