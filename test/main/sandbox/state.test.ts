import { afterEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorState, journalFileOf } from '../../../main/sandbox/state';
import { journalCodec } from '../../../main/sandbox/state-journal';

interface Shop {
  orders: { id: string; lines: string[]; paid?: boolean }[];
  byId: Record<string, { total: number }>;
}
const shopInit = (): Shop => ({ orders: [], byId: {} });

const dirs: string[] = [];
const open: EmulatorState[] = [];
async function stateFile() {
  const dir = await mkdtemp(join(tmpdir(), 'innsender-state-'));
  dirs.push(dir);
  return join(dir, 'state.json');
}
function openState(file: string, compactAtBytes?: number) {
  const state = new EmulatorState(file, compactAtBytes ? { compactAtBytes } : {});
  open.push(state);
  return state;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('the sandbox state: incremental, journalled, off the main thread', () => {
  it('survives a restart: nested changes, array pushes and splices, deletes, replaced values', async () => {
    const file = await stateFile();
    const first = openState(file);
    const shop = first.slice('shop', shopInit);
    shop.orders.push({ id: 'a', lines: ['x'] }, { id: 'b', lines: [] }, { id: 'c', lines: [] });
    shop.byId.a = { total: 1 };
    await first.save();
    shop.orders[0]!.lines.push('y');
    shop.orders[1]!.paid = true;
    shop.orders.splice(0, 1);
    delete shop.byId.a;
    shop.byId.b = { total: 2 };
    await first.save();
    await first.close();

    const second = openState(file);
    expect(second.slice('shop', shopInit)).toEqual({
      orders: [
        { id: 'b', lines: [], paid: true },
        { id: 'c', lines: [] },
      ],
      byId: { b: { total: 2 } },
    });
  });

  it('writes only what changed: the journal line for one more order does not grow with the state', async () => {
    const file = await stateFile();
    const state = openState(file);
    const shop = state.slice('shop', shopInit);
    const lineFor = async (i: number) => {
      const before = (await stat(journalFileOf(file)).catch(() => ({ size: 0 }))).size;
      shop.orders.push({ id: `o${i}`, lines: ['a'.repeat(100)] });
      await state.save();
      return (await stat(journalFileOf(file))).size - before;
    };
    await lineFor(0);
    const early = await lineFor(1);
    for (let i = 2; i < 500; i++) shop.orders.push({ id: `o${i}`, lines: ['a'.repeat(100)] });
    await state.save();
    const late = await lineFor(1000);
    // Only digits differ (the index, the length, the order's id); the state itself is over 250 times the line.
    expect(late - early).toBeLessThanOrEqual(8);
    expect(JSON.stringify(state.snapshot()).length).toBeGreaterThan(250 * late);
  });

  it('ignores a torn last write, keeps every whole batch before it, and appends cleanly after it', async () => {
    const file = await stateFile();
    const first = openState(file);
    const shop = first.slice('shop', shopInit);
    shop.orders.push({ id: 'kept', lines: [] });
    await first.save();
    await first.close();
    // A crash half-way through the next line: cut it anywhere and it must not count.
    const torn = journalCodec().encode({ s: 99, o: [[['shop', 'byId', 'lost'], { total: 9 }]] });
    await appendFile(journalFileOf(file), torn.slice(0, torn.length - 7));

    const second = openState(file);
    const again = second.slice('shop', shopInit);
    expect(again).toEqual({ orders: [{ id: 'kept', lines: [] }], byId: {} });
    again.orders.push({ id: 'after', lines: [] });
    await second.save();
    await second.close();

    const third = openState(file);
    expect(third.slice('shop', shopInit).orders.map((o) => o.id)).toEqual(['kept', 'after']);
  });

  it('refuses a damaged line (checksum) and everything after it', async () => {
    const file = await stateFile();
    const codec = journalCodec();
    const good = codec.encode({ s: 1, o: [[['shop'], { orders: [{ id: 'ok', lines: [] }], byId: {} }]] });
    const bad = codec.encode({ s: 2, o: [[['shop', 'byId', 'x'], { total: 1 }]] }).replace('"total":1', '"total":7');
    const later = codec.encode({ s: 3, o: [[['shop', 'byId', 'y'], { total: 3 }]] });
    await writeFile(journalFileOf(file), good + bad + later);
    const loaded = codec.load(null, await readFile(journalFileOf(file), 'utf8'));
    expect(loaded).toMatchObject({ torn: true, seq: 1, validBytes: Buffer.byteLength(good) });
    expect(openState(file).slice('shop', shopInit)).toEqual({ orders: [{ id: 'ok', lines: [] }], byId: {} });
  });

  it('folds the journal into a new snapshot once it grows, and a restart reads the snapshot plus what came after', async () => {
    const file = await stateFile();
    const first = openState(file, 2048);
    const shop = first.slice('shop', shopInit);
    for (let i = 0; i < 60; i++) {
      shop.orders.push({ id: `o${i}`, lines: ['line'.repeat(10)] });
      await first.save();
    }
    const journalBytes = (await stat(journalFileOf(file))).size;
    expect(journalBytes).toBeLessThan(2048 * 3);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as { format: string; seq: number };
    expect(snapshot).toMatchObject({ format: 'innsender-sandbox-state' });
    expect(snapshot.seq).toBeGreaterThan(1);
    await first.close();

    const second = openState(file);
    expect(second.slice('shop', shopInit).orders).toHaveLength(60);
  });

  it('skips journal lines the snapshot already holds (a crash between the snapshot and the journal truncate)', async () => {
    const file = await stateFile();
    const codec = journalCodec();
    await writeFile(file, codec.encodeSnapshot(2, { shop: { orders: [{ id: 'b', lines: [] }], byId: {} } }));
    await writeFile(
      journalFileOf(file),
      codec.encode({ s: 1, o: [[['shop', 'orders'], [{ id: 'a', lines: [] }]]] }) +
        codec.encode({ s: 2, o: [[['shop', 'orders'], [{ id: 'b', lines: [] }]]] }) +
        codec.encode({ s: 3, o: [[['shop', 'byId', 'b'], { total: 5 }]] }),
    );
    expect(openState(file).slice('shop', shopInit)).toEqual({
      orders: [{ id: 'b', lines: [] }],
      byId: { b: { total: 5 } },
    });
  });

  it('reads a state.json written before the journal (the whole object is the slices)', async () => {
    const file = await stateFile();
    await writeFile(file, JSON.stringify({ shop: { orders: [{ id: 'old', lines: [] }], byId: {} } }));
    const state = openState(file);
    const shop = state.slice('shop', shopInit);
    expect(shop.orders[0]?.id).toBe('old');
    shop.byId.old = { total: 1 };
    await state.save();
    await state.close();
    expect(openState(file).slice('shop', shopInit).byId).toEqual({ old: { total: 1 } });
  });

  it('starts afresh from an unreadable snapshot and keeps the damaged file aside', async () => {
    const file = await stateFile();
    await writeFile(file, '{"shop": {');
    const state = openState(file);
    expect(state.slice('shop', shopInit)).toEqual(shopInit());
    state.slice('shop', shopInit).byId.n = { total: 1 };
    await state.save();
    await state.close();
    expect(openState(file).slice('shop', shopInit).byId).toEqual({ n: { total: 1 } });
  });

  it('keeps serving when its files cannot be written: saves and close still settle', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'innsender-state-'));
    dirs.push(dir);
    const notAFolder = join(dir, 'file');
    await writeFile(notAFolder, 'x');
    const state = openState(join(notAFolder, 'state.json'));
    state.slice('shop', shopInit).byId.a = { total: 1 };
    await expect(state.save()).resolves.toBeUndefined();
    expect(state.slice('shop', shopInit).byId.a).toEqual({ total: 1 });
    await expect(state.close()).resolves.toBeUndefined();
  });

  it('hands out plain copies and keeps no proxy in the stored data', async () => {
    const state = new EmulatorState();
    const shop = state.slice('shop', shopInit);
    shop.orders.push({ id: 'a', lines: [] });
    const order = shop.orders[0]!;
    shop.byId.copy = { total: 1 };
    // Stored through another path: the raw state must hold the plain object, not the view.
    (shop as unknown as { again: unknown }).again = { order };
    expect(() => structuredClone(state.snapshot())).not.toThrow();
    expect(state.copyOf(order)).toEqual({ id: 'a', lines: [] });
    // A read-only scan sees the plain data itself, not a view.
    expect(() => structuredClone(state.readOnly(shop.orders))).not.toThrow();
    expect(state.readOnly(shop.orders)[0]).toBe((state.snapshot().shop as Shop).orders[0]);
    expect(shop.orders.includes(order)).toBe(true);
    await state.close();
  });
});
