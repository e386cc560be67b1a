import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/node/atomicWrite';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'geo-atomic-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file behind', async () => {
    const f = join(dir, 'a.txt.geo.yaml');
    writeFileSync(f, 'old');
    await writeFileAtomic(f, 'new content');
    assert.equal(readFileSync(f, 'utf8'), 'new content');
    assert.deepEqual(readdirSync(dir), ['a.txt.geo.yaml']);
  });

  it('leaves the original untouched when the write fails', async function () {
    if (process.getuid?.() === 0) this.skip(); // root writes into read-only folders anyway
    const f = join(dir, 'b.txt.geo.yaml');
    writeFileSync(f, 'precious');
    chmodSync(dir, 0o500);
    try {
      await assert.rejects(writeFileAtomic(f, 'x'));
    } finally {
      chmodSync(dir, 0o700);
    }
    assert.equal(readFileSync(f, 'utf8'), 'precious');
    assert.deepEqual(readdirSync(dir), ['b.txt.geo.yaml']);
  });

  it('never lets a reader see a missing or partial file', async () => {
    const f = join(dir, 'c.txt.geo.yaml');
    const big = 'x'.repeat(2_000_000);
    writeFileSync(f, big);
    let stop = false;
    let bad = 0;
    const reader = (async () => {
      while (!stop) {
        const s = readFileSync(f, 'utf8');
        if (s.length !== big.length) bad++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 20; i++) await writeFileAtomic(f, big.replace(/^x/, String(i % 10)));
    stop = true;
    await reader;
    assert.equal(bad, 0);
  });
});
