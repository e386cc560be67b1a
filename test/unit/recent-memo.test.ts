import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { RecentMemo } from '../../src/core/util/recentMemo';

describe('answers kept for the keys asked lately', () => {
  it('answers as the function does, whatever was asked before and however small the generations', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), fc.integer({ min: 1, max: 8 }), (keys, perGeneration) => {
        const memo = new RecentMemo((k) => `${k.length}:${k.toUpperCase()}`, perGeneration);
        for (const k of keys) assert.equal(memo.get(k), `${k.length}:${k.toUpperCase()}`);
      }),
    );
  });

  it('works an answer out once while its key is in either generation, again once both have filled since', () => {
    const asked: string[] = [];
    const memo = new RecentMemo((k) => (asked.push(k), k === 'empty' ? '' : k), 2);
    for (const k of ['a', 'b', 'a', 'empty', 'empty']) memo.get(k);
    // "a" and "b" fill the first generation; "empty" (an empty answer is an answer) starts the next.
    assert.deepEqual(asked, ['a', 'b', 'empty']);
    // "a" comes back from the older generation into the newer: still not worked out again.
    memo.get('a');
    assert.deepEqual(asked, ['a', 'b', 'empty']);
    // Two more keys fill the newer generation twice over: "b" was in the dropped one.
    memo.get('c');
    memo.get('d');
    memo.get('b');
    assert.deepEqual(asked, ['a', 'b', 'empty', 'c', 'd', 'b']);
  });
});
