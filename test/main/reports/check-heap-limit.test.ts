import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHeapLimitFor, inputBytes, inputBytesSync, retryHeapLimit } from '../../../main/reports/check-heap-limit';

const MiB = 1024 * 1024;

describe("a check worker's heap limit", () => {
  it('grows with the size of what the check reads, from a floor that holds any file read whole', () => {
    expect(checkHeapLimitFor(0)).toEqual({ maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 });
    // Below 32 MiB a file is read whole: the floor holds its text and its model.
    expect(checkHeapLimitFor(31 * MiB).maxOldGenerationSizeMb).toBe(128);
    // The generated 50,000-person a-melding: 64 + 0.75 × 82.7 = 126.1, still the floor.
    expect(checkHeapLimitFor(86_748_198).maxOldGenerationSizeMb).toBe(128);
    expect(checkHeapLimitFor(200 * MiB).maxOldGenerationSizeMb).toBe(215);
    expect(checkHeapLimitFor(256 * MiB).maxOldGenerationSizeMb).toBe(257);
  });

  it('gives each file 16 KiB more: an RF-1086 form keeps its tree', () => {
    // 5,000 shareholder forms and their main form, 8.6 MiB: 64 + 6.45 + 78.1.
    expect(checkHeapLimitFor(9_017_507, 5_001).maxOldGenerationSizeMb).toBe(149);
    expect(checkHeapLimitFor(9_017_507, 1_000).maxOldGenerationSizeMb).toBe(128);
  });

  it('is doubled, to at least 512 MiB, for the one retry', () => {
    expect(retryHeapLimit(checkHeapLimitFor(0))).toEqual({ maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 });
    expect(retryHeapLimit(checkHeapLimitFor(400 * MiB)).maxOldGenerationSizeMb).toBe(2 * 365);
  });

  it("sums the paths' sizes and the dropped bytes; a path that is no file counts nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innsender-heap-limit-'));
    const path = join(dir, 'a.xml');
    writeFileSync(path, 'x'.repeat(1000));
    const dropped = { name: 'dropped.xml', bytes: new Uint8Array(24) };
    const inputs = [path, dropped, join(dir, 'missing.xml'), dir, join(path, 'beneath-a-file.xml')];
    expect(await inputBytes(inputs)).toBe(1024);
    // The CLI's synchronous sum gives the same.
    expect(inputBytesSync(inputs)).toBe(1024);
  });
});
