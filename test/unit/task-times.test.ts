import { strict as assert } from 'node:assert';
import { TaskTimes } from '../../src/core/util/taskTimes';

describe('task times', () => {
  it('takes the collector’s pauses out of the tasks they fell in, and only those', () => {
    const t = new TaskTimes();
    t.record('unpacking', 240, 1000); // [1000, 1240): a 218 ms pause inside
    t.record('an edit', 40, 2000); // [2000, 2040): a pause reaching 10 ms into it
    t.record('hover', 4, 3000);
    const pauses = [
      { startTime: 1010, duration: 218 },
      { startTime: 1990, duration: 20 },
      { startTime: 5000, duration: 500 }, // between tasks: nobody's
    ];
    assert.equal(t.longest, 240);
    assert.deepEqual(t.longestOwn(pauses), { task: 'an edit', ms: 30 });
    assert.deepEqual(t.longestOwn([]), { task: 'unpacking', ms: 240 });
  });

  it('counts short tasks whole, and reset forgets everything', () => {
    const t = new TaskTimes();
    t.record('hover', 9, 100);
    t.record('unpacking', 12, 200);
    assert.deepEqual(t.longestOwn([{ startTime: 200, duration: 12 }]), { task: 'hover', ms: 9 });
    t.reset();
    assert.deepEqual(t.longestOwn([]), { task: '', ms: 0 });
    assert.equal(t.longest, 0);
  });
});
