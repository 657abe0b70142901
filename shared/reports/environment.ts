import { z } from 'zod';

/** Which Skatteetaten environment the active profile reports to; synthetic (Tenor) people are allowed outside production only. */
export const ReportEnvironmentSchema = z.enum(['sandbox', 'test', 'production']);
export type ReportEnvironment = z.infer<typeof ReportEnvironmentSchema>;

export function allowsSyntheticIdentities(environment: ReportEnvironment): boolean {
  return environment !== 'production';
}
