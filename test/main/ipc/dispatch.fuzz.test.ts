import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { IpcMainInvokeEvent } from 'electron';
import { channels } from '../../../shared/ipc/contract';
import { CHANNEL_NAMES, isChannelName } from '../../../shared/ipc/names';
import { registerIpc } from '../../../main/electron/ipc-register';
import type { AppServices } from '../../../main/app-services';
import type { KeyStore } from '../../../main/keys/key-store';
import { silentLogger } from '../../../main/log/logger';
import { testAppServices } from '../support/test-app-services';

// Thousands of hostile payloads through the one path every renderer call takes in main (main/ipc/dispatch.ts),
// with the app's real handlers behind it: whatever arrives, the answer is a well-formed result, never a throw, a
// hang or a stack trace, and Object.prototype is left alone. Seeded: INNSENDER_FUZZ_SEED=<n> replays a run.

const SEED = Number(process.env.INNSENDER_FUZZ_SEED ?? randomInt(2 ** 31));
const CALLS = 3000;
const SENDER_CALLS = 1000;
const CALL_LIMIT_MS = 3000;

/** mulberry32: a small, well-known 32-bit PRNG; one seed gives one sequence of payloads. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

/** Every property name the contract's inputs mention, so hostile objects also reach the fields' own checks. */
function contractFieldNames(): string[] {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    if (properties) for (const key of Object.keys(properties)) names.add(key);
    for (const value of Object.values(node)) visit(value);
  };
  for (const name of CHANNEL_NAMES) {
    try {
      visit(z.toJSONSchema(channels[name].input, { unrepresentable: 'any', io: 'input' }));
    } catch {
      // A schema JSON Schema cannot express adds no names; the generic keys below still reach it.
    }
  }
  return [...names];
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then'];
const HOSTILE_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'https://evil.example/',
  'app://innsender/../../main',
  '\u0000\u0001\u001f',
  '\u202e\ud800',
  '<script>alert(1)</script>',
  "'; DROP TABLE x; --",
  '974761076',
  '2026-13-45',
  'NaN',
  '{"__proto__":{"polluted":true}}',
];

function hostileString(rng: Rng): string {
  const roll = rng.int(10);
  if (roll === 0) return 'x'.repeat(rng.pick([1 << 16, 1 << 20, 3 << 20])); // 64 KiB to 3 MiB
  if (roll < 4) return rng.pick(HOSTILE_STRINGS);
  return Array.from({ length: rng.int(40) }, () => String.fromCharCode(rng.int(0xffff))).join('');
}

function hostileNumber(rng: Rng): number | bigint {
  return rng.pick([NaN, Infinity, -Infinity, -0, 0, 1, -1, 2 ** 53, -(2 ** 53), 1e308, 5e-324, 0.5, 10n ** 30n]);
}

function deep(rng: Rng, depth: number): unknown {
  let value: unknown = hostileString(rng);
  for (let i = 0; i < depth; i++) value = rng.next() < 0.5 ? [value] : { [rng.pick(HOSTILE_KEYS)]: value, a: value };
  return value;
}

function hostileValue(rng: Rng, fields: readonly string[], depth = 0): unknown {
  const roll = rng.int(depth > 3 ? 8 : 14);
  switch (roll) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return rng.next() < 0.5;
    case 3:
      return hostileNumber(rng);
    case 4:
    case 5:
      return hostileString(rng);
    case 6:
      return rng.pick([new Date(NaN), new Date(8.64e15), /x/g, new Uint8Array(rng.int(64)), new Map(), new Set([1])]);
    case 7:
      return JSON.parse(rng.pick(['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":1}}}']));
    case 8:
    case 9:
      return Array.from({ length: rng.int(6) }, () => hostileValue(rng, fields, depth + 1));
    case 10:
      return deep(rng, rng.pick([50, 1000, 5000]));
    case 11: {
      const sparse: unknown[] = [];
      sparse[rng.int(100_000)] = hostileValue(rng, fields, depth + 1);
      return sparse;
    }
    default: {
      const object: Record<string, unknown> = {};
      for (let i = rng.int(6); i >= 0; i--) {
        const key =
          rng.next() < 0.3 ? rng.pick(HOSTILE_KEYS) : rng.next() < 0.8 ? rng.pick(fields) : hostileString(rng);
        // defineProperty, so `__proto__` becomes an own key as JSON.parse and structured clone make it.
        Object.defineProperty(object, key, {
          value: hostileValue(rng, fields, depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return object;
    }
  }
}

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)));
const FILE_FIXTURES = [
  'reports/amelding-example-v2_3.xml',
  'reports/amelding-example.json',
  'reports/rf1086-hovedskjema-example.xml',
  'reports/billion-laughs.xml',
  'reports/xxe.xml',
  'reports/broken-utf8.xml',
  'tredjepart/boligselskap.json',
  'tredjepart/gavertilfrivillige.csv',
].map(fixture);

/** The bytes of a dropped file as an attacker (or a corrupt disk) would make them: for the parsers behind IPC. */
function hostileContent(rng: Rng): Buffer {
  switch (rng.int(8)) {
    case 0:
      return Buffer.from(Array.from({ length: rng.int(65_536) }, () => rng.int(256)));
    case 1:
      // XML nesting stays at 2,000 here: 50,000 levels (150 KB) take 1.5–2.5 minutes and block the event loop,
      // since namespaces are resolved by walking the whole tag stack per element (issue 11, owned by the file-input
      // hardening; raise it once checks run off the main thread).
      return Buffer.from(rng.pick(['['.repeat(100_000), '{"a":'.repeat(50_000), '<a>'.repeat(2_000)]));
    case 2:
      return Buffer.from(
        rng.pick([
          '{"__proto__":{"polluted":true},"leveranse":{"__proto__":{"polluted":true}}}',
          '{"constructor":{"prototype":{"polluted":true}},"leveranse":{"oppgave":[{"__proto__":{"x":1}}]}}',
          '__proto__.polluted;constructor.prototype.polluted\ntrue;true\n',
          '=cmd|" /C calc"!A0;+1;-1;@SUM(1)\n',
          `${'a;'.repeat(20_000)}\n`,
          '\ufeff',
          '',
        ]),
      );
    default: {
      const bytes = Buffer.from(rng.pick(FILE_FIXTURES));
      // Mostly one byte changed, so the file still gets far into its parser and rules.
      if (rng.next() < 0.7 && bytes.length > 0) bytes[rng.int(bytes.length)] = rng.int(256);
      return bytes;
    }
  }
}

/** Payloads that pass (or nearly pass) a channel's schema, so the hostile part reaches the handler behind it. */
function nearValid(rng: Rng, profileId: string): [string, unknown] {
  const name = () => rng.pick(['a.xml', 'a.json', 'a.csv', hostileString(rng).slice(0, 255) || 'x']);
  const text = (max: number) => hostileString(rng).slice(0, max) || 'x';
  const content = () => hostileContent(rng).toString('base64');
  switch (rng.int(9)) {
    case 0:
    case 1:
      return ['reports.checkContent', { files: [{ name: name(), contentBase64: content() }] }];
    case 2:
    case 3:
      return [
        'tredjepart.checkContent',
        {
          scheme: rng.pick(['boligselskap', 'boligsameie', 'gavertilfrivillige']),
          name: name(),
          contentBase64: content(),
          ...(rng.next() < 0.5 ? { inntektsaar: rng.pick([2025, 2026, 1900, 9999]) } : {}),
        },
      ];
    case 4:
      return ['keys.importText', { kind: 'key', text: hostileContent(rng).toString('utf8').slice(0, 64_000) || 'x' }];
    case 5:
      return ['profiles.update', { id: profileId, displayName: text(120) }];
    case 6:
      return ['feedback.get', { dialogId: text(200) }];
    case 7:
      return [
        'external.open',
        { url: rng.pick(['https://altinn.no@evil.example/', 'https://evil.example/', 'https://skatteetaten.no/../x']) },
      ];
    default:
      return ['deadlines.setWarnDays', { days: rng.int(40) }];
  }
}

/**
 * What Electron's IPC does to a payload on the way: the structured clone algorithm. A value too deep to clone could
 * not cross IPC, but the test bridge and the CLI call dispatch directly, so it is sent as it is.
 */
function overIpc(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function describePayload(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return text === undefined
      ? String(value)
      : text.length > 300
        ? `${text.slice(0, 300)}… (${text.length} chars)`
        : text;
  } catch (error) {
    return `(not printable: ${(error as Error).message})`;
  }
}

const STACK = /\n\s+at |\bat .*\(.*:\d+:\d+\)|node:internal|\/main\/|\\main\\/;

/** The checks every answer must pass, as a list of what is wrong with it (empty when it is well-formed). */
function problemsWith(channel: unknown, result: unknown): string[] {
  if (!result || typeof result !== 'object') return [`not an object: ${String(result)}`];
  const r = result as { ok?: unknown; value?: unknown; error?: Record<string, unknown> };
  if (r.ok === true) {
    if (!isChannelName(channel)) return ['ok for a channel that does not exist'];
    const parsed = channels[channel].output.safeParse(r.value);
    return parsed.success ? [] : ['an ok value outside the output schema'];
  }
  if (r.ok !== false || !r.error) return ['neither {ok:true,value} nor {ok:false,error}'];
  const { code, message, details } = r.error as { code?: unknown; message?: unknown; details?: unknown };
  const problems: string[] = [];
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(code)) problems.push(`bad code ${String(code)}`);
  const m = message as { nb?: unknown; en?: unknown } | undefined;
  if (typeof m?.nb !== 'string' || !m.nb || typeof m?.en !== 'string' || !m.en) problems.push('message not nb+en');
  if (details !== undefined && !(Array.isArray(details) && details.every((d) => typeof d === 'string'))) {
    problems.push('details not a list of strings');
  }
  const text = JSON.stringify(r.error);
  if ('stack' in r.error || STACK.test(text))
    problems.push(`a stack trace or source path leaked: ${text.slice(0, 200)}`);
  return problems;
}

async function withinLimit<T>(promise: Promise<T>): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), CALL_LIMIT_MS)));
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function memoryKeyStore(): KeyStore {
  const secrets = new Map<string, string>();
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
    list: async () => [...secrets.keys()],
  };
}

describe(`dispatch under fuzzing (seed ${SEED}; replay with INNSENDER_FUZZ_SEED=${SEED})`, () => {
  let dataDir: string;
  let services: AppServices;
  let profileId: string;
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const arrayPrototypeBefore = Object.getOwnPropertyNames(Array.prototype).sort();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'innsender-fuzz-'));
    ({ services } = testAppServices(dataDir, { keyStore: memoryKeyStore() }));
    // An active sandbox profile, so calls that pass validation go on into the handlers and the emulator.
    const created = await services.dispatch('profiles.create', {
      orgNumber: '974761076',
      displayName: 'Fjellstue AS',
      environment: 'sandbox',
    });
    if (!created.ok) throw new Error(created.error.code);
    profileId = (created.value as { id: string }).id;
    await services.sandbox.ensureRunning();
  });
  afterAll(async () => {
    await services?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`answers ${CALLS} hostile calls, each well-formed, none thrown, hung or leaking a stack`, async () => {
    const rng = prng(SEED);
    const fields = contractFieldNames();
    const failures: string[] = [];
    for (let i = 0; i < CALLS && failures.length < 5; i++) {
      const roll = rng.int(20);
      const [channel, raw]: [unknown, unknown] =
        roll === 0
          ? [hostileString(rng), hostileValue(rng, fields)]
          : roll === 1
            ? [hostileValue(rng, fields), hostileValue(rng, fields)]
            : roll === 2
              ? nearValid(rng, profileId)
              : [rng.pick(CHANNEL_NAMES), hostileValue(rng, fields)];
      const payload = overIpc(raw);
      let result: unknown;
      try {
        result = await withinLimit(services.dispatch(channel, payload));
      } catch (error) {
        result = `threw ${(error as Error).message}`;
      }
      const problems = result === 'hung' ? [`no answer within ${CALL_LIMIT_MS} ms`] : problemsWith(channel, result);
      // Checked after every call, so a failure names the payload that polluted the prototype.
      const polluted = Object.getOwnPropertyNames(Object.prototype).filter((k) => !prototypeBefore.includes(k));
      if (polluted.length > 0) {
        problems.push(`Object.prototype gained ${polluted.join(', ')}`);
        for (const key of polluted) delete (Object.prototype as Record<string, unknown>)[key];
      }
      if (problems.length > 0) {
        failures.push(
          `seed ${SEED} call ${i}: ${describePayload(channel)} ${describePayload(payload)} → ${problems.join('; ')}`,
        );
      }
    }
    expect(failures, `replay with INNSENDER_FUZZ_SEED=${SEED}`).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayPrototypeBefore);
  }, 60_000);

  it(`refuses untrusted senders before any handler runs, over ${SENDER_CALLS} calls`, async () => {
    const rng = prng(SEED ^ 0x5eed);
    const fields = contractFieldNames();
    const handlers = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
    let dispatched = 0;
    registerIpc({
      ipcMain: { handle: (channel: string, handler: never) => void handlers.set(channel, handler) } as never,
      dispatch: async (channel, payload) => {
        dispatched++;
        return services.dispatch(channel, payload);
      },
      trustedWebContents: new Set([7]),
      appOrigin: 'app://innsender',
      log: silentLogger,
    });
    const failures: string[] = [];
    for (let i = 0; i < SENDER_CALLS && failures.length < 5; i++) {
      const channel = rng.pick(CHANNEL_NAMES);
      const trustedId = rng.next() < 0.5;
      // [frame URL, whether it is the app's own page]; only the app's window showing the app's page may call.
      const [frameUrl, appPage] = rng.pick<[string | undefined, boolean]>([
        [undefined, false],
        ['', false],
        ['https://evil.example/', false],
        ['app://innsender.evil.example/index.html', false],
        ['app://evil/index.html', false],
        ['file:///index.html', false],
        ['http://127.0.0.1:1234/', false],
        ['app://innsender@evil.example/', false],
        ['about:blank', false],
        [Array.from({ length: 12 }, () => String.fromCharCode(rng.int(0xffff))).join(''), false],
        ['app://innsender/index.html#/reports', true],
        ['app://innsender/../../main', true],
      ]);
      const event = {
        sender: { id: trustedId ? 7 : rng.pick([0, -1, 8, 2 ** 31, NaN]) },
        senderFrame: frameUrl === undefined ? null : { url: frameUrl },
      } as unknown as IpcMainInvokeEvent;
      const before = dispatched;
      const result = await handlers.get(channel)!(event, overIpc(hostileValue(rng, fields)));
      const refused = (result as { ok: boolean; error?: { code: string } }).error?.code === 'IPC_FORBIDDEN_SENDER';
      const shouldPass = trustedId && appPage;
      const passedOn = dispatched === before + 1;
      if (refused === shouldPass || passedOn !== shouldPass || problemsWith(channel, result).length > 0) {
        const what = shouldPass ? 'not dispatched' : 'not refused';
        failures.push(`seed ${SEED} sender call ${i}: ${channel} from ${describePayload(event)} → ${what}`);
      }
    }
    expect(failures, `replay with INNSENDER_FUZZ_SEED=${SEED}`).toEqual([]);
  }, 30_000);
});
