import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorState } from '../state';
import { skatteetatenSlice, type RegisteredSubmission } from './skatteetaten-state';

/** An a-melding Skatteetaten has from "another system": the business's payroll system, not Innsender. */
export const ForeignAMeldingSchema = z.object({
  org: z.string().regex(/^\d{9}$/),
  kalendermaaned: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  meldingsId: z.string().regex(/^[0-9a-zA-Z_.-]{1,150}$/),
  erstatterMeldingsId: z
    .string()
    .regex(/^[0-9a-zA-Z_.-]{1,150}$/)
    .optional(),
});
export type ForeignAMelding = z.infer<typeof ForeignAMeldingSchema>;

/**
 * Registers an a-melding as if it had come in through another system, so the sandbox can show what Innsender's
 * offline checks cannot know: a meldingsId already taken elsewhere is refused by Skatteetaten alone.
 */
export function seedForeignAMelding(state: EmulatorState, input: ForeignAMelding, at: Date): RegisteredSubmission {
  const s = skatteetatenSlice(state);
  const submission: RegisteredSubmission = {
    service: 'a-melding',
    idempotencyKey: randomUUID(),
    org: input.org,
    period: input.kalendermaaned,
    reference: input.meldingsId,
    dialogId: '',
    forsendelseId: randomUUID(),
    receivedAt: at.toISOString(),
    ...(input.erstatterMeldingsId ? { replaces: input.erstatterMeldingsId } : {}),
  };
  s.submissions.push(submission);
  void state.save();
  return submission;
}
