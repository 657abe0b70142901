import type { ElementVisitor, SourceLocations } from './source-locations';

/** Elements per block: a block is allocated whole, so growing never copies what is already recorded. */
const BLOCK = 1 << 16;

interface Block {
  readonly parents: Int32Array;
  readonly keys: Uint16Array;
  readonly positions: Uint32Array;
  readonly lines: Uint32Array;
  readonly columns: Uint32Array;
}

/**
 * Where each element a reader maps starts, recorded during the one parse (issue 12 item 2): its parent, its key
 * and position, its line and column, 18 bytes an element in typed arrays. Findings are located from this record,
 * so the file's text can go once the parse is done (a 50,000-person a-melding: 1.55 million elements, 27 MiB,
 * against 83 MiB of text kept for a second parse), and no finding costs a second parse.
 *
 * A path is the parent's path, `/`, the key and, for a position above 0, `[position]`; a root's path is its key.
 */
export class ElementPlaces implements SourceLocations {
  private readonly blocks: Block[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private count = 0;

  /** Records an element (parent -1: a root) and returns its number, the parent number for its children. */
  add(parent: number, key: string, position: number, line: number, column: number): number {
    const index = this.count++;
    const offset = index % BLOCK;
    if (offset === 0) this.blocks.push(newBlock());
    const block = this.blocks[this.blocks.length - 1]!;
    block.parents[offset] = parent;
    block.keys[offset] = this.keyId(key);
    block.positions[offset] = position;
    block.lines[offset] = line;
    block.columns[offset] = column;
    return index;
  }

  /**
   * Calls `visit` for every recorded element in document order, as the reader met them. Elements are recorded
   * in document order, so an element's ancestors are the open ones on a stack: only their paths are held.
   */
  walk(visit: ElementVisitor): void {
    const open: { index: number; path: string }[] = [];
    for (let index = 0; index < this.count; index++) {
      const block = this.blocks[Math.floor(index / BLOCK)]!;
      const offset = index % BLOCK;
      const parent = block.parents[offset]!;
      while (open.length > 0 && open[open.length - 1]!.index !== parent) open.pop();
      const key = this.keyNames[block.keys[offset]!]!;
      const position = block.positions[offset]!;
      const step = position > 0 ? `${key}[${position}]` : key;
      const path = open.length > 0 ? `${open[open.length - 1]!.path}/${step}` : step;
      open.push({ index, path });
      visit(path, block.lines[offset]!, block.columns[offset]!);
    }
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyNames.length;
      // The keys are the model's field names (a few hundred); a reader never records text as a key.
      if (id > 0xffff) throw new RangeError('ElementPlaces: more than 65,536 distinct keys');
      this.keyIds.set(key, id);
      this.keyNames.push(key);
    }
    return id;
  }
}

function newBlock(): Block {
  return {
    parents: new Int32Array(BLOCK),
    keys: new Uint16Array(BLOCK),
    positions: new Uint32Array(BLOCK),
    lines: new Uint32Array(BLOCK),
    columns: new Uint32Array(BLOCK),
  };
}
