import type { JournalPath } from './state-journal';

/** Where a value sits in the state: its parent's place and its key there. Updated on every read, as values move. */
interface Place {
  parent: Place | null;
  key: string;
}

const SEPARATOR = '\u0000';

function isTrackable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

function pathOf(place: Place): JournalPath {
  const path: string[] = [];
  for (let p: Place | null = place; p; p = p.parent) path.push(p.key);
  return path.reverse();
}

/**
 * Tells the sandbox state which parts changed, so a save writes those and not the whole state. Modules keep
 * mutating their slices in place as before; each slice is handed out behind a Proxy that notes the path of every
 * property set or deleted, however deep, and hands out nested objects behind proxies of their own.
 *
 * The raw state never holds a proxy (values are unwrapped as they are stored), so it can be serialised, cloned
 * and replayed as plain JSON. The one thing tracking cannot see is a write to an object through a reference kept
 * from *before* it was stored: mutate state through the slice, not through the literal you assigned.
 */
export class ChangeTracker {
  private readonly views = new WeakMap<object, { proxy: object; place: Place }>();
  private readonly targets = new WeakMap<object, object>();
  private dirty = new Map<string, JournalPath>();

  /** `value` (at `path` below the root) behind a tracking proxy; primitives are returned as they are. */
  view<T>(value: T, path: JournalPath): T {
    let place: Place | null = null;
    for (const key of path) place = { parent: place, key };
    return isTrackable(value) && place ? (this.viewAt(value, place) as T) : value;
  }

  /** Notes that the value at `path` changed (was set, replaced or deleted). */
  mark(path: JournalPath): void {
    const key = path.join(SEPARATOR);
    if (!this.dirty.has(key)) this.dirty.set(key, path);
  }

  /**
   * The changed paths since the last call, each once, leaving out any path under another changed one (the
   * ancestor is written whole).
   */
  take(): JournalPath[] {
    const dirty = this.dirty;
    this.dirty = new Map();
    const out: JournalPath[] = [];
    for (const [key, path] of dirty) {
      let covered = false;
      for (let i = key.indexOf(SEPARATOR); i !== -1 && !covered; i = key.indexOf(SEPARATOR, i + 1)) {
        covered = dirty.has(key.slice(0, i));
      }
      if (!covered) out.push(path);
    }
    return out;
  }

  /** The plain value behind a view (and behind any view stored inside it), for storing or cloning. */
  unwrap<T>(value: T): T {
    if (typeof value !== 'object' || value === null) return value;
    const target = this.targets.get(value);
    if (target) return target as T;
    if (!isTrackable(value)) return value;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const inner = record[key];
      const plain = this.unwrap(inner);
      if (plain !== inner) record[key] = plain;
    }
    return value;
  }

  private viewAt(target: object, place: Place): object {
    const known = this.views.get(target);
    if (known) {
      // The same object read through another path has moved (an array splice, a reassignment): follow it.
      known.place.parent = place.parent;
      known.place.key = place.key;
      return known.proxy;
    }
    const here: Place = { parent: place.parent, key: place.key };
    const changed = (key: string) => this.mark([...pathOf(here), key]);
    const proxy: object = new Proxy(target, {
      get: (t, key, receiver) => {
        const value = Reflect.get(t, key, receiver) as unknown;
        if (typeof key === 'symbol' || !isTrackable(value) || !Object.prototype.hasOwnProperty.call(t, key)) {
          return value;
        }
        return this.viewAt(value, { parent: here, key });
      },
      set: (t, key, value, receiver): boolean => {
        const ok = Reflect.set(t, key, this.unwrap(value), receiver === proxy ? t : receiver);
        if (typeof key !== 'symbol') changed(key);
        return ok;
      },
      defineProperty: (t, key, descriptor) => {
        const ok = Reflect.defineProperty(
          t,
          key,
          'value' in descriptor ? { ...descriptor, value: this.unwrap(descriptor.value as unknown) } : descriptor,
        );
        if (typeof key !== 'symbol') changed(key);
        return ok;
      },
      deleteProperty: (t, key) => {
        const ok = Reflect.deleteProperty(t, key);
        if (typeof key !== 'symbol') changed(key);
        return ok;
      },
    });
    this.views.set(target, { proxy, place: here });
    this.targets.set(proxy, target);
    return proxy;
  }
}
