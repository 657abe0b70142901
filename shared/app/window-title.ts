import { z } from 'zod';

/** A name shown in the title bar: one line of ordinary text (no control characters), short enough to read. */
const TitlePartSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'a title may not contain control or format characters');

/** What the renderer asks the title bar to name: the page it shows and the active company, if any. */
export const WindowTitleInputSchema = z.object({ page: TitlePartSchema, company: TitlePartSchema.nullable() });
export type WindowTitleInput = z.infer<typeof WindowTitleInputSchema>;

/** "Rapporter — Fjellstue AS — Innsender": the page first, so a taskbar that cuts the title keeps what matters. */
export function windowTitle({ page, company }: WindowTitleInput): string {
  return [page, company, 'Innsender'].filter((part) => part !== null).join(' — ');
}
