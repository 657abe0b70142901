import { z } from 'zod';

/**
 * Faults the admin surface can inject, to show (and test) how the app behaves when a real service misbehaves.
 * Each applies to requests matching `method`/`pathPrefix`, for `times` requests (or until cleared).
 */
const Match = {
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  pathPrefix: z.string().startsWith('/').optional(),
  times: z.number().int().positive().optional(),
};

export const FaultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(1).max(60_000), ...Match }),
  z.object({ kind: z.literal('status'), status: z.number().int().min(500).max(599), ...Match }),
  z.object({ kind: z.literal('rate-limit'), retryAfterSeconds: z.number().int().min(0).max(3600), ...Match }),
  /** The socket is destroyed before any response byte, as when a network drops mid-request. */
  z.object({ kind: z.literal('drop'), ...Match }),
  /**
   * 200 with an HTML login page instead of the service's answer, as a hotel's or an airport's guest network
   * answers every request until someone logs in (nothing reaches the service).
   */
  z.object({ kind: z.literal('captive-portal'), ...Match }),
]);
export type Fault = z.infer<typeof FaultSchema>;

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

export class FaultPlan {
  private active: ActiveFault[] = [];

  add(fault: Fault): void {
    this.active.push({ fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.active = [];
  }

  list(): Fault[] {
    return this.active.map((a) => a.fault);
  }

  /** The faults that apply to this request, each consuming one of its `times`; latency comes first. */
  take(method: string, path: string): Fault[] {
    const hits: Fault[] = [];
    for (const a of this.active) {
      const f = a.fault;
      if (f.method && f.method !== method) continue;
      if (f.pathPrefix && !path.startsWith(f.pathPrefix)) continue;
      hits.push(f);
      a.remaining -= 1;
    }
    this.active = this.active.filter((a) => a.remaining > 0);
    return hits.sort((a, b) => (a.kind === 'latency' ? -1 : 0) - (b.kind === 'latency' ? -1 : 0));
  }
}
