import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { firstStartingAt, firstStartingAtFrom, mergeByStart } from '../../src/core/util/sortedByStart';

describe('searches of spans sorted by start', () => {
  it('gives, stepping on from the last answer, what a search of the whole array gives', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { maxLength: 300 }), fc.array(fc.nat({ max: 1100 }), { maxLength: 40 }), (starts, asked) => {
        const sorted = starts.sort((a, b) => a - b).map((start) => ({ start }));
        let from = 0;
        for (const at of asked.sort((a, b) => a - b)) {
          const expected = firstStartingAt(sorted, at);
          assert.equal(firstStartingAtFrom(sorted, at, from), expected, `at ${at} from ${from}`);
          from = expected;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merges two sorted arrays as a stable sort of the two joined does, into a new array', () => {
    const sortedSpans = (tag: string) => fc.array(fc.nat({ max: 30 }), { maxLength: 40 }).map((starts) => starts.sort((a, b) => a - b).map((start, i) => ({ start, id: `${tag}${i}` })));
    fc.assert(
      fc.property(sortedSpans('a'), sortedSpans('b'), (a, b) => {
        const merged = mergeByStart(a, b);
        assert.deepEqual(merged, [...a, ...b].sort((x, y) => x.start - y.start));
        assert.ok(merged !== a && merged !== b);
      }),
      { numRuns: 300 },
    );
  });
});
