/**
 * The longest stretches the extension's own code held its thread, by task name: what
 * "never stall the host" is checked against in the in-editor tests (the whole thread's
 * pauses include VS Code's own work and are reported apart).
 */
export class TaskTimes {
  longest = 0;
  longestTask = '';
  private readonly worst = new Map<string, number>();

  record(task: string, ms: number): void {
    if (ms > (this.worst.get(task) ?? 0)) this.worst.set(task, ms);
    if (ms > this.longest) {
      this.longest = ms;
      this.longestTask = task;
    }
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
  }
}

/** One record for the whole thread (an extension host runs one copy of the extension). */
export const taskTimes = new TaskTimes();
