import { z } from 'zod';
import { channel } from './define';
import { RegisterLookupSchema } from '../../domain/register-facts';

/**
 * Enhetsregisteret lookups for the profile and client forms: the name, organisation form and founding date for
 * a number, and whether the answer is the last one kept because the register could not be reached. Without an
 * environment the active profile's is used (a client); the new-profile form names the one chosen.
 */
export const registerChannels = {
  'register.lookup': channel(
    z.object({
      orgNumber: z.string().trim().max(40),
      environment: z.enum(['sandbox', 'test', 'production']).optional(),
    }),
    RegisterLookupSchema,
  ),
} as const;
