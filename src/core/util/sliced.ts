import { taskTimes } from './taskTimes';

/**
 * Long loops on an editor's main thread must hand control back often. A sliced task is a
 * generator that yields now and then; `runSliced` runs it, and whenever a slice has
 * taken `budgetMs` it waits for the next macrotask so that other work (typing, painting,
 * messages) gets its turn.
 */
export async function runSliced<T>(task: Generator<unknown, T>, budgetMs = 8, name = 'sliced task'): Promise<T> {
  let sliceStart = performance.now();
  let waited = taskTimes.waited();
  for (;;) {
    const step = task.next();
    if (step.done) {
      taskTimes.record(name, performance.now() - sliceStart, sliceStart, taskTimes.waited() - waited);
      return step.value;
    }
    const spent = performance.now() - sliceStart;
    if (spent >= budgetMs) {
      taskTimes.record(name, spent, sliceStart, taskTimes.waited() - waited);
      await nextMacrotask();
      sliceStart = performance.now();
      waited = taskTimes.waited();
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

/** The items `keep` accepts, in order: a pass over hundreds of thousands, a slice at a time. */
export function* filterSteps<T>(items: readonly T[], keep: (item: T) => boolean): Generator<void, T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if ((i & 0xfff) === 0xfff) yield;
    if (keep(items[i]!)) out.push(items[i]!);
  }
  return out;
}

/** `f` of each item, in order, a slice at a time. */
export function* mapSteps<T, R>(items: readonly T[], f: (item: T) => R): Generator<void, R[]> {
  const out = new Array<R>(items.length);
  for (let i = 0; i < items.length; i++) {
    if ((i & 0x3ff) === 0x3ff) yield;
    out[i] = f(items[i]!);
  }
  return out;
}

/** Calls `f` on each item, in order, a slice at a time. */
export function* forEachStep<T>(items: readonly T[], f: (item: T) => void): Generator<void, void> {
  for (let i = 0; i < items.length; i++) {
    if ((i & 0xfff) === 0xfff) yield;
    f(items[i]!);
  }
}
