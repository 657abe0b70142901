import { afterAll, bench, describe } from 'vitest';
import { serviceById } from '../../shared/domain/services-catalogue';
import { tokenRequests } from '../main/support/maskinporten-sandbox';
import { AMELDING_ORG, startSkatteetatenSandbox } from '../main/support/skatteetaten-sandbox';

/**
 * Issue 3's "grants issued per submit path": each submit asks for the a-melding systembruker token. A cold cache
 * signs a grant and posts it to the emulator's Maskinporten; a warm one answers from memory with no request.
 * Token requests are counted from the emulator's own request log, not from the client.
 */
const sandbox = await startSkatteetatenSandbox([AMELDING_ORG]);
const request = { scopes: [serviceById('a-melding').scope], systemUser: { orgNumber: AMELDING_ORG } };
const counts: Record<string, { calls: number; tokenRequests: number }> = {};

function counted(name: string, before?: () => void) {
  let calls = 0;
  return {
    fn: async () => {
      before?.();
      calls += 1;
      await sandbox.maskinporten.tokenForScopes(request);
    },
    options: {
      setup: () => {
        calls = 0;
        sandbox.host.requests.clear();
      },
      // Runs after warm-up and after the measured run; the last one (the run) is what is reported.
      teardown: () => {
        counts[name] = { calls, tokenRequests: tokenRequests(sandbox.host) };
      },
    },
  };
}

describe('tokenForScopes per submit', () => {
  const cold = counted('cold', () => sandbox.maskinporten.invalidate(request));
  bench('cold cache: grant signed and posted to /maskinporten/token', cold.fn, {
    ...cold.options,
    time: 2_000,
  });

  const warm = counted('warm');
  bench('warm cache: token from memory', warm.fn, {
    ...warm.options,
    setup: async () => {
      warm.options.setup();
      await sandbox.maskinporten.tokenForScopes(request); // fill the cache; not counted as a submit
      sandbox.host.requests.clear();
    },
    time: 1_000,
  });
});

afterAll(async () => {
  for (const [name, { calls, tokenRequests: posted }] of Object.entries(counts)) {
    console.log(
      `${name}: ${calls} submits, ${posted} token requests (${(posted / Math.max(calls, 1)).toFixed(2)} per submit)`,
    );
  }
  await sandbox.host.stop();
});
