import { test } from "node:test";
import assert from "node:assert/strict";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readInParts } from "../../src/host/read-in-parts";

test("part of a file read in parts at once is that part of the file, whatever its size and the number of parts", async () => {
  const dir = mkdtempSync(join(tmpdir(), "corroborate-parts-"));
  let seed = 3;
  for (const size of [0, 1, 4095, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345]) {
    const bytes = Buffer.alloc(size);
    for (let k = 0; k < size; k++) bytes[k] = (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16;
    const file = join(dir, `f${size}`);
    writeFileSync(file, bytes);
    const fd = openSync(file, "r");
    try {
      for (const parts of [1, 2, 3, 4]) {
        for (const [from, to] of [[0, size], [Math.min(size, 16), size], [Math.floor(size / 3), Math.floor(size / 2)]] as const) {
          const read = await readInParts(fd, from, to, parts);
          assert.ok(read.equals(readFileSync(file).subarray(from, to)), `${from}-${to} of ${size} bytes in ${parts} parts`);
          assert.equal(read.byteOffset % 8, 0, "starts aligned");
        }
      }
      await assert.rejects(readInParts(fd, size, size + 10), /cut short/, "past the end");
    } finally {
      closeSync(fd);
    }
  }
});
