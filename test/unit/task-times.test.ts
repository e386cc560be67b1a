import { strict as assert } from 'node:assert';
import { TaskTimes, taskTimes } from '../../src/core/util/taskTimes';
import { runSliced } from '../../src/core/util/sliced';
import { threadWaitClock } from '../../src/node/threadWaitClock';
import { Worker } from 'node:worker_threads';

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

  it('takes a task’s waits for a CPU out, a collector pause inside one counted once', () => {
    const t = new TaskTimes();
    t.record('unpacking', 100, 1000, 80); // waited 80 ms for a CPU
    t.record('an edit', 40, 2000, 0);
    t.record('drawing', 60, 3000, 30); // a 20 ms pause inside, while it waited
    const pauses = [{ startTime: 3010, duration: 20 }];
    assert.deepEqual(t.longestOnCpu(pauses), { task: 'an edit', ms: 40, waited: 0 });
    assert.deepEqual(t.longestOwn(pauses), { task: 'unpacking', ms: 100 });
    t.record('drawing', 60, 4000, 5);
    assert.deepEqual(t.longestOnCpu(pauses), { task: 'drawing', ms: 55, waited: 5 });
  });

  it('reads this thread’s waits for a CPU while other threads hold every core, and a sliced task’s slices wait', async function () {
    const clock = threadWaitClock();
    if (!clock) this.skip(); // not Linux
    this.timeout(20_000);
    // Busy threads, more than the cores here (2–4), at this thread's priority: it must wait now and then.
    const spin = 'const end = Date.now() + 1500; while (Date.now() < end) {}';
    const busy = Array.from({ length: 4 }, () => new Worker(spin, { eval: true }));
    try {
      // runSliced records into the thread's one record.
      const t = taskTimes;
      t.reset();
      t.useWaitClock(clock!);
      const before = clock!();
      await runSliced((function* () {
        const end = performance.now() + 1000;
        while (performance.now() < end) yield;
      })(), 30, 'spinning');
      // Five threads that want a CPU on a machine of a few cores: this one waits for a good part of the second.
      const waited = clock!() - before;
      assert.ok(waited > 50, `the thread waited ${waited} ms for a CPU`);
      // The slices' own time is their wall time less their waits: less than the longest wall time.
      const onCpu = t.longestOnCpu([]);
      const own = t.longestOwn([]);
      assert.ok(onCpu.ms < own.ms && onCpu.waited >= 0, `${onCpu.ms} ms on a CPU, ${own.ms} ms in all`);
    } finally {
      await Promise.all(busy.map((w) => w.terminate()));
    }
  });
});
