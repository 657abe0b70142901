import { z } from 'zod';

/** Every message a person reads comes in both of the app's languages; the UI picks one. */
export const LocalizedTextSchema = z.object({ nb: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const LanguageSchema = z.enum(['nb', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export function text(nb: string, en: string): LocalizedText {
  return { nb, en };
}
