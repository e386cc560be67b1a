/** Index of the first of `sorted` (sorted by start) that starts at or after `at`. */
export function firstStartingAt(sorted: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices [i, j) of the items of `sorted` (sorted by start) that start in [from, to). */
export function startingIn(sorted: readonly { start: number }[], from: number, to: number): [number, number] {
  return [firstStartingAt(sorted, from), firstStartingAt(sorted, to)];
}

/** Index of the first of `sorted` (numbers, ascending) greater than `value`: for whole numbers, `upperBound(sorted, at - 1)` is the first at or after `at`. */
export function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
