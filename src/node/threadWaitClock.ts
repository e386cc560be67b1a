import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A clock of how long the calling thread has waited for a CPU, in milliseconds since it
 * started: the scheduler's run-queue delay for this thread (Linux, /proc/thread-self/
 * schedstat, its second field in nanoseconds). A task's wall time less what this clock
 * moved during it is the time the thread held a CPU, whatever other threads and
 * processes took meanwhile. Undefined where the system does not say (not Linux).
 */
export function threadWaitClock(): (() => number) | undefined {
  let fd: number;
  try {
    // Opened once: the descriptor stays this thread's, wherever it is read from.
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buffer = Buffer.alloc(96);
  const read = (): number => {
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    // "<ns on a CPU> <ns waiting on a run queue> <time slices>\n"
    let i = 0;
    while (i < n && buffer[i] !== 0x20) i++;
    let waited = 0;
    for (i++; i < n && buffer[i]! >= 0x30 && buffer[i]! <= 0x39; i++) waited = waited * 10 + (buffer[i]! - 0x30);
    return waited / 1e6;
  };
  try {
    read();
  } catch {
    closeSync(fd);
    return undefined;
  }
  return read;
}
