/** The active firm profile the Clients and Overview page tests render for, as `profiles.list` gives it. */
export const PROFILE_ID = '0b6f3b8e-3a49-4a8e-9b2f-1f6e2f7d1c11';
export const firm = {
  id: PROFILE_ID,
  orgNumber: '974761076',
  displayName: 'Tall og Tango Regnskap AS',
  environment: 'sandbox',
  kind: 'firm',
  createdAt: '2026-11-23T09:00:00.000Z',
};
