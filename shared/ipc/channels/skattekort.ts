import { z } from 'zod';
import { channel } from './define';
import { NoInput } from '../schemas';
import { SubmissionSchema } from '../../outbox/submission';
import { PersonListSchema } from '../../skattekort/persons';
import {
  AnswerRecordSchema,
  ExportInputSchema,
  OrderInputSchema,
  SkattekortOrderViewSchema,
  SubmissionRefSchema,
} from '../../skattekort/skattekort-views';

/**
 * Skattekort til arbeidsgiver (issue 7): the employees from an a-melding draft or a CSV file, each id checked
 * offline; the order through the outbox; the answer per employee, and its export for a payroll system.
 */
export const skattekortChannels = {
  /** The employees of an a-melding draft (the latest one when `draftId` is left out), checked. */
  'skattekort.personsFromDraft': channel(
    z
      .object({
        draftId: z
          .string()
          .regex(/^[0-9a-f]{32}$/)
          .optional(),
      })
      .strict(),
    PersonListSchema,
  ),
  /** A CSV file of employees through the native open dialog; `list` null when cancelled. */
  'skattekort.personsFromCsv': channel(NoInput, z.object({ list: PersonListSchema.nullable() })),
  /** Checks the order again and queues it in the outbox; the employer is the active profile. */
  'skattekort.order': channel(OrderInputSchema, SubmissionSchema),
  'skattekort.orders': channel(NoInput, z.object({ orders: z.array(SkattekortOrderViewSchema) })),
  'skattekort.answer': channel(SubmissionRefSchema, AnswerRecordSchema),
  /** Asks Skatteetaten for the answer now (also after polling stopped on a refused token). */
  'skattekort.pollNow': channel(SubmissionRefSchema, SkattekortOrderViewSchema),
  /** The answer as CSV or JSON through the native save dialog; `path` null when cancelled. */
  'skattekort.export': channel(ExportInputSchema, z.object({ path: z.string().nullable() })),
} as const;
