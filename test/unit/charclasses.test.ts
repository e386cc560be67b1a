import { strict as assert } from 'node:assert';
import { LOWER, markClass, UPPER, WORD_CHARS } from '../../src/core/recognize/charClasses';

describe('character classes', () => {
  it('tables read from a class body match what the RegExp class matches', () => {
    for (const body of [WORD_CHARS, UPPER, LOWER]) {
      const table = markClass(new Uint8Array(0x2000), body, 1);
      const re = new RegExp(`[${body}]`);
      for (let c = 0; c < 0x2000; c++) assert.equal(table[c] === 1, re.test(String.fromCharCode(c)), `U+${c.toString(16)} in [${body}]`);
    }
  });
});
