import type { Harness } from './harness';

/** Picks the report file on Rapporter in the native dialog, saves it as a draft and opens the draft. */
export async function openDraft(h: Pick<Harness, 'page' | 'desktop'>, path: string): Promise<void> {
  const { page } = h;
  await page.getByRole('navigation').getByRole('link', { name: 'Rapporter', exact: true }).click();
  h.desktop.nextPicks.push([path]);
  await page.getByTestId('pick-files').click();
  await page.getByTestId('save-draft').click();
  await page.getByRole('button', { name: 'Åpne utkastet' }).click();
}

/** The draft opened and sent as far as the confirmation: what will be sent is shown, and the caller decides. */
export async function openSendConfirmation(h: Pick<Harness, 'page' | 'desktop'>, path: string): Promise<void> {
  await openDraft(h, path);
  await h.page.getByTestId('send-draft').click();
  await h.page.getByTestId('send-preview').waitFor();
}
