import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AvstemmingPage } from '../../../renderer/routes/AvstemmingPage';
import { renderWithProviders } from '../render-with-providers';

describe('the Avstemming page before a period is chosen', () => {
  it('shows the month and year fields empty, with no example that reads as a value beside the disabled button', async () => {
    renderWithProviders(<AvstemmingPage />);
    const month = screen.getByLabelText('Måned (ÅÅÅÅ-MM)');
    expect(month).toHaveValue('');
    expect(month).not.toHaveAttribute('placeholder');
    expect(screen.getByTestId('avstemming-fetch')).toBeDisabled();
    await userEvent.selectOptions(screen.getByTestId('avstemming-kind'), 'year');
    expect(screen.getByLabelText('År (ÅÅÅÅ)')).not.toHaveAttribute('placeholder');
  });
});
