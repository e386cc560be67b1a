import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/**
 * How far below the extension host's thread our worker threads run (a nice value, 0–19):
 * on two cores, a worker recognising 40 MB and another indexing the workspace otherwise
 * take the cores the host needs to draw and answer the user. The document's worker stays
 * ahead of the indexer, whose work nobody waits for.
 */
export const WORKER_NICE = { document: 5, background: 10 } as const;

/**
 * Runs the calling worker thread at `nice` below normal priority, and says whether it
 * did. Only where one thread's priority can be set apart from its process's (Linux: the
 * thread's id from /proc/thread-self); elsewhere setting it would slow the whole host, so
 * nothing happens. Never on the main thread.
 */
export function lowerThisThreadPriority(nice: number): boolean {
  if (isMainThread || !(nice > 0)) return false;
  let threadId: number;
  try {
    threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return false; // not Linux
  }
  if (!Number.isInteger(threadId) || threadId <= 0 || threadId === process.pid) return false;
  try {
    setPriority(threadId, Math.min(19, Math.max(getPriority(threadId), nice)));
    return getPriority(threadId) >= nice;
  } catch {
    return false; // not allowed here: the thread runs as it did
  }
}
