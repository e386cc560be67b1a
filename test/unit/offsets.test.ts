import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CodePointMap, codePointLength } from '../../src/core/text/offsets';
import { decodeText } from '../../src/core/text/decode';
import { runAtOnce } from '../../src/core/util/sliced';

/** Characters that stress offsets: ASCII, accented, CJK, astral emoji and symbols, CR/LF. */
const char = fc.constantFrom('a', 'Z', ' ', 'é', 'ğ', '中', '😀', '𝔸', '\r', '\n', '“', '”', '\u0301');
const text = fc.array(char, { maxLength: 60 }).map((cs) => cs.join(''));

/** `map` converts at every code-point boundary of `t` as Array.from counts them. */
function agreesWithArrayFrom(map: CodePointMap, t: string): void {
  const cps = Array.from(t);
  let utf16 = 0;
  for (let cp = 0; cp <= cps.length; cp++) {
    assert.equal(map.toUtf16(cp), utf16);
    assert.equal(map.toCodePoint(utf16), cp);
    if (cp < cps.length) utf16 += cps[cp]!.length;
  }
}

describe('CodePointMap', () => {
  it('agrees with Array.from on every boundary', () => {
    fc.assert(
      fc.property(text, (t) => {
        agreesWithArrayFrom(new CodePointMap(t), t);
        assert.equal(codePointLength(t), Array.from(t).length);
      }),
    );
  });

  it('built a few units at a time, maps as one built at once, lone surrogates and pairs across the edges of steps included', () => {
    const unit = fc.constantFrom('a', '😀', '𝔸', '\uD800', '\uDC00', '中', '\n');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((cs) => cs.join('')), fc.integer({ min: 1, max: 7 }), (t, chunk) => {
        const whole = new CodePointMap(t);
        const stepped = runAtOnce(CodePointMap.steps(t, chunk));
        agreesWithArrayFrom(stepped, t);
        agreesWithArrayFrom(whole, t);
        for (let i = 0; i <= t.length; i++) assert.equal(stepped.toCodePoint(i), whole.toCodePoint(i));
      }),
      { numRuns: 500 },
    );
  });

  it('maps an index inside a surrogate pair to the start of its character', () => {
    const map = new CodePointMap('a😀b');
    assert.equal(map.toCodePoint(2), 1);
    assert.equal(map.toCodePoint(3), 2);
  });

  it('is the identity for BMP-only text', () => {
    const map = new CodePointMap('Putin’s “big brother”\r\n');
    assert.ok(map.isIdentity);
    assert.equal(map.toCodePoint(7), 7);
  });
});

describe('decodeText', () => {
  it('drops a BOM and keeps CRLF', () => {
    const r = decodeText(Buffer.from('\uFEFFRussia\r\nChina', 'utf8'));
    assert.ok(r.ok);
    assert.equal(r.text, 'Russia\r\nChina');
    assert.equal(r.hadBom, true);
  });

  it('refuses binary and non-UTF-8 input with a reason', () => {
    const bin = decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    assert.equal(bin.ok, false);
    assert.equal(!bin.ok && bin.reason, 'binary');
    const latin1 = decodeText(Buffer.from([0x52, 0x75, 0xdf, 0x6c, 0x61, 0x6e, 0x64]));
    assert.equal(latin1.ok, false);
    assert.match(!latin1.ok ? latin1.message : '', /offset 2/);
  });

  it('round-trips any string through UTF-8 with a BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const r = decodeText(Buffer.from('\uFEFF' + s, 'utf8'));
        assert.ok(r.ok);
        assert.equal(r.text, s);
      }),
    );
  });
});
