import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized';
import { ServiceIdSchema } from '../domain/setup';

/** A calendar date in Norway, 'YYYY-MM-DD'. */
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The period a deadline is for: an a-melding month, or a yearly return's income year. */
export const DeadlinePeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), kalendermaaned: z.string().regex(/^\d{4}-\d{2}$/) }),
  z.object({ kind: z.literal('income-year'), inntektsaar: z.number().int() }),
]);
export type DeadlinePeriod = z.infer<typeof DeadlinePeriodSchema>;

/**
 * met: a submission for the period was received; overdue: passed and not met; soon: within the warning days and
 * not met; upcoming: further ahead.
 */
export const DeadlineStatusSchema = z.enum(['met', 'overdue', 'soon', 'upcoming']);
export type DeadlineStatus = z.infer<typeof DeadlineStatusSchema>;

export const DeadlineExtensionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none'), why: LocalizedTextSchema }),
  z.object({ kind: z.literal('contact'), why: LocalizedTextSchema }),
  z.object({ kind: z.literal('form'), form: z.literal('RF-1113'), why: LocalizedTextSchema }),
]);

export const DeadlineSchema = z.object({
  /** `<service>:<period>`, e.g. `a-melding:2027-04`, `aksjonaerregisteroppgave:2026`: stable across days. */
  id: z.string(),
  service: ServiceIdSchema,
  period: DeadlinePeriodSchema,
  /** The date the rule names, before it is moved off a weekend or holiday. */
  nominalDate: DateSchema,
  dueDate: DateSchema,
  /** Why it moved, when it did: the nominal date was a Saturday, a Sunday or a public holiday. */
  movedBecause: z.enum(['weekend', 'holiday']).nullable(),
  daysLeft: z.number().int(),
  status: DeadlineStatusSchema,
  /** False when no primary source confirmed the date (UNCONFIRMED in the rules). */
  confirmed: z.boolean(),
  source: z.string(),
  extension: DeadlineExtensionSchema,
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const DeadlinesOverviewSchema = z.object({
  profileId: z.string().nullable(),
  today: DateSchema,
  /** The last day the list covers (today plus the horizon in months). */
  until: DateSchema,
  warnDays: z.number().int(),
  /** The services the list is for: the profile's chosen ones. */
  services: z.array(ServiceIdSchema),
  deadlines: z.array(DeadlineSchema),
  /** The first deadline not yet met, today or later: what the page highlights. */
  nextId: z.string().nullable(),
  /** Chosen services without a deadline, each with why (an order, or no rule known yet). */
  withoutDeadline: z.array(z.object({ service: ServiceIdSchema, why: LocalizedTextSchema })),
  /** The skattemelding extension form, offered with its honest explanation. */
  extensionForm: z.object({
    form: z.literal('RF-1113'),
    name: LocalizedTextSchema,
    url: z.url(),
    why: LocalizedTextSchema,
  }),
});
export type DeadlinesOverview = z.infer<typeof DeadlinesOverviewSchema>;

export const WARN_DAYS_DEFAULT = 7;
export const WARN_DAYS_MAX = 60;

export const DeadlinesListInputSchema = z.object({ months: z.number().int().min(1).max(24).default(12) }).strict();
export const WarnDaysInputSchema = z.object({ days: z.number().int().min(0).max(WARN_DAYS_MAX) }).strict();
export const ExtensionFormInputSchema = z.object({ form: z.literal('RF-1113') }).strict();

/** The user clicked a deadline warning: the window shows the Frister page with that deadline. */
export const DeadlineOpenEventSchema = z.object({ deadlineId: z.string() });
