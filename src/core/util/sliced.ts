import { taskTimes } from './taskTimes';

/**
 * Long loops on an editor's main thread must hand control back often. A sliced task is a
 * generator that yields now and then; `runSliced` runs it, and whenever a slice has
 * taken `budgetMs` it waits for the next macrotask so that other work (typing, painting,
 * messages) gets its turn.
 */
export async function runSliced<T>(task: Generator<unknown, T>, budgetMs = 8, name = 'sliced task'): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = task.next();
    if (step.done) {
      taskTimes.record(name, performance.now() - sliceStart);
      return step.value;
    }
    const spent = performance.now() - sliceStart;
    if (spent >= budgetMs) {
      taskTimes.record(name, spent);
      await nextMacrotask();
      sliceStart = performance.now();
    }
  }
}

/** Runs a sliced task to the end at once (plain Node, tests, workers). */
export function runAtOnce<T>(task: Generator<unknown, T>): T {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}

function nextMacrotask(): Promise<void> {
  // setTimeout(0) is clamped to 4 ms after nesting in browsers; setImmediate is not.
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
