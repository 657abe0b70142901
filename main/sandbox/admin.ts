import { FaultSchema, type FaultPlan } from './faults';
import type { RequestLog } from './request-log';
import type { EmulatorState } from './state';
import { EmulatorHttpError, type EmulatorRoute } from './router';
import { ForeignAMeldingSchema, seedForeignAMelding } from './skatteetaten/amelding-seed';

interface AdminDeps {
  state: EmulatorState;
  faults: FaultPlan;
  requests: RequestLog;
  modules: { name: string }[];
}

/** The small surface tests and demos use to reset the sandbox, read what was asked of it and inject faults. */
export function adminRoutes({ state, faults, requests, modules }: AdminDeps): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/__admin/info',
      handle: () => ({ status: 200, body: { modules: modules.map((m) => m.name), faults: faults.list() } }),
    },
    {
      method: 'POST',
      path: '/__admin/reset',
      handle: () => {
        state.reset();
        faults.clear();
        requests.clear();
        return { status: 204 };
      },
    },
    { method: 'GET', path: '/__admin/state', handle: () => ({ status: 200, body: state.snapshot() }) },
    { method: 'GET', path: '/__admin/requests', handle: () => ({ status: 200, body: requests.list() }) },
    {
      method: 'DELETE',
      path: '/__admin/requests',
      handle: () => {
        requests.clear();
        return { status: 204 };
      },
    },
    { method: 'GET', path: '/__admin/faults', handle: () => ({ status: 200, body: faults.list() }) },
    {
      method: 'POST',
      path: '/__admin/faults',
      handle: (req) => {
        const parsed = FaultSchema.safeParse(req.json());
        if (!parsed.success) {
          throw new EmulatorHttpError({ status: 400, body: { error: 'invalid_fault', issues: parsed.error.issues } });
        }
        faults.add(parsed.data);
        return { status: 201, body: parsed.data };
      },
    },
    {
      // An a-melding "from another system", for showing a rejection the offline checks cannot foresee.
      method: 'POST',
      path: '/__admin/skatteetaten/a-meldinger',
      handle: (req) => {
        const parsed = ForeignAMeldingSchema.safeParse(req.json());
        if (!parsed.success) {
          throw new EmulatorHttpError({
            status: 400,
            body: { error: 'invalid_a_melding', issues: parsed.error.issues },
          });
        }
        return { status: 201, body: seedForeignAMelding(state, parsed.data, new Date()) };
      },
    },
    {
      method: 'DELETE',
      path: '/__admin/faults',
      handle: () => {
        faults.clear();
        return { status: 204 };
      },
    },
  ];
}
