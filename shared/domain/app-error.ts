import { z } from 'zod';
import { LocalizedTextSchema, type LocalizedText } from './localized';

/**
 * The one error shape that crosses from main to the renderer and the CLI: a stable code to branch on and a
 * message a person can act on. Stack traces and secrets never cross; they go (redacted) to the log.
 */
export const AppErrorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  message: LocalizedTextSchema,
  details: z.array(z.string()).optional(),
  /** The setup prerequisite a refusal means is missing (shared/domain/prerequisites.ts), and where it is done. */
  prerequisite: z.object({ id: z.string().max(64), url: z.url().optional() }).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

export class AppError extends Error {
  readonly code: string;
  readonly localized: LocalizedText;
  readonly details: string[] | undefined;
  readonly prerequisite: AppErrorShape['prerequisite'];

  constructor(code: string, message: LocalizedText, details?: string[], prerequisite?: AppErrorShape['prerequisite']) {
    super(message.en);
    this.name = 'AppError';
    this.code = code;
    this.localized = message;
    this.details = details;
    this.prerequisite = prerequisite;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.localized,
      ...(this.details ? { details: this.details } : {}),
      ...(this.prerequisite ? { prerequisite: this.prerequisite } : {}),
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
