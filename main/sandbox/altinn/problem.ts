import { EmulatorHttpError } from '../router';

/** Altinn's RFC 7807 answer with its stable code (altinn-auth.md §4.4, §5.1). */
export function problem(status: number, code: string, detail: string, paths?: string[]): EmulatorHttpError {
  const validation = code.startsWith('AUTH.VLD-');
  return new EmulatorHttpError({
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: {
      type: `https://altinn.no/problems/${code}`,
      title: validation ? 'One or more validation errors occurred.' : detail,
      status,
      code: validation ? 'STD-00000' : code,
      ...(validation ? { errors: [{ code, detail, paths: paths ?? [] }] } : { detail }),
    },
  });
}
