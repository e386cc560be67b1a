import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { contextAround, makeAnnotation, placedAt } from '../../src/core/sidecar/index';
import { placedAllSteps } from '../../src/core/sidecar/selector';
import { CodePointMap } from '../../src/core/text/offsets';

/** The context as first written: each side split into code points (Array.from), within 64 code units of the range. */
function contextByArrays(text: string, start16: number, end16: number): { prefix: string; suffix: string } {
  const before = Array.from(text.slice(Math.max(0, start16 - 64), start16));
  return { prefix: before.slice(Math.max(0, before.length - 32)).join(''), suffix: Array.from(text.slice(end16, end16 + 64)).slice(0, 32).join('') };
}

describe('text-quote selectors', () => {
  it('take 32 code points of context on each side, counted in place, as splitting into code points does', () => {
    // Astral characters, lone and cut surrogates, and plain letters, in texts long and short.
    const unit = fc.constantFrom('a', 'б', ' ', '\n', '😀', '🇰🇿', '\ud800', '\udc00', 'é');
    // Mostly astral too: then 64 code units hold 32 code points or fewer, and a pair may straddle where the context stops.
    const astral = fc.oneof({ weight: 8, arbitrary: fc.constant('😀') }, { weight: 1, arbitrary: unit });
    const texts = fc.oneof(fc.array(unit, { maxLength: 120 }), fc.array(astral, { maxLength: 90 })).map((xs) => xs.join(''));
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        assert.deepEqual(contextAround(text, start, end), contextByArrays(text, start, end));
      }),
      { numRuns: 3000 },
    );
  });

  it('keep an annotation the text did not move as it is, the very object, and place one it moved anew', () => {
    const text = 'Kazakh President Kassym-Jomart Tokayev met 🇩🇪 Chancellor Olaf Scholz in Astana.';
    const map = new CodePointMap(text);
    const at = text.indexOf('Olaf Scholz');
    const stored = makeAnnotation(text, map, at, at + 11, { kind: 'leader', status: 'accepted', id: 'a1', note: 'checked' });
    assert.equal(placedAt(text, map, stored, at, at + 11), stored);
    const moved = 'Today: ' + text;
    const placed = placedAt(moved, new CodePointMap(moved), stored, at + 7, at + 18);
    assert.notEqual(placed, stored);
    assert.deepEqual(placed, { ...stored, start: stored.start + 7, end: stored.end + 7, prefix: contextAround(moved, at + 7, at + 18).prefix });
    assert.equal(placed.note, 'checked');
    // All of a document's, in steps: orphans as they are.
    const orphan = { ...stored, id: 'a2' };
    const steps = placedAllSteps(moved, new CodePointMap(moved), [
      { stored, start: at + 7, end: at + 18 },
      { stored: orphan, start: 0, end: 0, orphan: 'its text is gone' },
    ]);
    let step = steps.next();
    while (!step.done) step = steps.next();
    assert.deepEqual(step.value, [placed, orphan]);
    assert.equal(step.value[1], orphan);
  });
});
