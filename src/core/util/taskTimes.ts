/**
 * The longest stretches the extension's own code held its thread, by task name: what
 * "never stall the host" is checked against in the in-editor tests (the whole thread's
 * pauses include VS Code's own work and are reported apart).
 */
export class TaskTimes {
  longest = 0;
  longestTask = '';
  private readonly worst = new Map<string, number>();
  /** Tasks of LONG_MS or more, with when they began: a collector pause inside one can be taken out afterwards. */
  private readonly long: { task: string; start: number; ms: number }[] = [];
  /** The longest of the others, whose pauses are not taken out. */
  private longestShort = { task: '', ms: 0 };

  record(task: string, ms: number, start = performance.now() - ms): void {
    if (ms > (this.worst.get(task) ?? 0)) this.worst.set(task, ms);
    if (ms > this.longest) {
      this.longest = ms;
      this.longestTask = task;
    }
    if (ms >= LONG_MS && this.long.length < MAX_LONG) this.long.push({ task, start, ms });
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

  /** Runs `f` now and records how long it took. */
  measure<R>(task: string, f: () => R): R {
    const start = performance.now();
    try {
      return f();
    } finally {
      this.record(task, performance.now() - start);
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
