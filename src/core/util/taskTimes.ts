/**
 * The longest stretches the extension's own code held its thread, by task name: what
 * "never stall the host" is checked against in the in-editor tests (the whole thread's
 * pauses include VS Code's own work and are reported apart).
 */
export class TaskTimes {
  longest = 0;
  longestTask = '';
  private readonly worst = new Map<string, number>();
  /** Tasks of LONG_MS or more, with when they began and how long the thread waited for a CPU meanwhile: a collector pause inside one can be taken out afterwards. */
  private readonly long: { task: string; start: number; ms: number; waited: number }[] = [];
  /** The longest of the others, whose pauses are not taken out. */
  private longestShort = { task: '', ms: 0 };
  /** How long the thread has waited for a CPU so far (see threadWaitClock), where the system says. */
  private waitClock: (() => number) | undefined;

  /** Reads how long the thread waits for a CPU with `clock` from now on: a task's wall time less that is the thread's own. */
  useWaitClock(clock: () => number): void {
    this.waitClock = clock;
  }

  /** The wait clock's reading, 0 without one: pass the difference over a task to `record`. */
  waited(): number {
    return this.waitClock?.() ?? 0;
  }

  /** Records a task of `ms` from `start`, during which the thread waited `waited` ms for a CPU. */
  record(task: string, ms: number, start = performance.now() - ms, waited = 0): void {
    if (ms > (this.worst.get(task) ?? 0)) this.worst.set(task, ms);
    if (ms > this.longest) {
      this.longest = ms;
      this.longestTask = task;
    }
    if (ms >= LONG_MS && this.long.length < MAX_LONG) this.long.push({ task, start, ms, waited });
    else if (ms > this.longestShort.ms) this.longestShort = { task, ms }; // short, or past what is kept: counted whole
  }

  /**
   * The longest task once the garbage collector's `pauses` (performance entries of type
   * "gc", on the same clock) that fell inside it are taken out: the extension's own share
   * of the thread. The collector stops the thread for whoever allocated last; its pauses
   * grow with everything on the heap (a 40 MB document's lines among it).
   */
  longestOwn(pauses: readonly { startTime: number; duration: number }[]): { task: string; ms: number } {
    let best = this.longestShort;
    for (const t of this.long) {
      const own = timeApart(t.start, t.ms, pauses);
      if (own > best.ms) best = { task: t.task, ms: own };
    }
    return best;
  }

  /**
   * The longest task once the collector's `pauses` and the thread's waits for a CPU are
   * taken out: what the extension's code itself held the thread for, on a machine whose
   * other threads (our workers among them) may take every core for a while. `waited` is
   * that task's wait. Without a wait clock, as longestOwn.
   */
  longestOnCpu(pauses: readonly { startTime: number; duration: number }[]): { task: string; ms: number; waited: number } {
    let best = { ...this.longestShort, waited: 0 };
    for (const t of this.long) {
      // A collector pause the thread spent waiting for a CPU is counted once.
      const own = Math.max(0, Math.min(timeApart(t.start, t.ms, pauses), t.ms - t.waited));
      if (own > best.ms) best = { task: t.task, ms: own, waited: t.waited };
    }
    return best;
  }

  /** Runs `f` now and records how long it took. */
  measure<R>(task: string, f: () => R): R {
    const start = performance.now();
    const waited = this.waited();
    try {
      return f();
    } finally {
      this.record(task, performance.now() - start, start, this.waited() - waited);
    }
  }

  /** Each task's longest run, longest first. */
  summary(): [string, number][] {
    return [...this.worst].sort((a, b) => b[1] - a[1]);
  }

  reset(): void {
    this.longest = 0;
    this.longestTask = '';
    this.worst.clear();
    this.long.length = 0;
    this.longestShort = { task: '', ms: 0 };
  }
}

/** How much of the `ms` from `start` falls outside `pauses` (performance entries, on the same clock). */
export function timeApart(start: number, ms: number, pauses: readonly { startTime: number; duration: number }[]): number {
  let left = ms;
  for (const p of pauses) left -= Math.max(0, Math.min(start + ms, p.startTime + p.duration) - Math.max(start, p.startTime));
  return left;
}

/** Tasks shorter than this are never long enough to matter, collector pause or not. */
const LONG_MS = 10;
const MAX_LONG = 10_000;

/** One record for the whole thread (an extension host runs one copy of the extension). */
export const taskTimes = new TaskTimes();
