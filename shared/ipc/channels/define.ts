import type { z } from 'zod';

export interface Channel<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}

/** Declares one channel: its input schema and its output schema. */
export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Channel<I, O> {
  return { input, output };
}
