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

/**
 * `firstStartingAt` for an `at` known to be past sorted[from - 1]: steps forward from
 * `from` by doubling, then searches between. Cheaper than a search of the whole array
 * when asked in ascending order of `at` (each look at an object may miss the caches).
 */
export function firstStartingAtFrom(sorted: readonly { start: number }[], at: number, from: number): number {
  let lo = from;
  let step = 1;
  let hi = lo;
  while (hi < sorted.length && sorted[hi]!.start < at) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, sorted.length);
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

type Span = { start: number; end: number };

/**
 * Per array of spans, a length none of them exceeds: how far back from an offset a search
 * by start must reach to find every span that still covers it. Set when an array is built
 * (unpacked, or made from another by a delta), so that a host holding hundreds of
 * thousands of spans never walks them all after an edit to learn it again.
 */
const lengthBounds = new WeakMap<readonly Span[], number>();

/** The length bound of `items`: as set, or their longest length, worked out once. */
export function lengthBound(items: readonly Span[]): number {
  let n = lengthBounds.get(items);
  if (n === undefined) {
    n = longestIn(items);
    lengthBounds.set(items, n);
  }
  return n;
}

/** The length bound of `items` if it is set, without working it out. */
export function knownLengthBound(items: readonly Span[]): number | undefined {
  return lengthBounds.get(items);
}

/** Sets the length bound of `items`, which the caller knows to hold (no span is longer). */
export function setLengthBound(items: readonly Span[], bound: number): void {
  lengthBounds.set(items, bound);
}

/**
 * `to` holds the spans of `from` (moved, not changed in length), some replaced by `added`
 * (`to` may be `from`, changed in place): its bound is `from`'s or an added span's,
 * where `from`'s is set. (A bound may outlast the span that set it: it is a bound.)
 */
export function carryLengthBound(from: readonly Span[], to: readonly Span[], added: readonly Span[]): void {
  const known = lengthBounds.get(from);
  if (known !== undefined) lengthBounds.set(to, Math.max(known, longestIn(added)));
}

function longestIn(items: readonly Span[]): number {
  let n = 0;
  for (const x of items) n = Math.max(n, x.end - x.start);
  return n;
}

/**
 * The first index of `items` (sorted by start) that may end at or after `offset`: a
 * binary search on start, reaching back as far as the length bound; the caller filters.
 */
export function firstEndingFrom(items: readonly Span[], offset: number): number {
  return firstStartingAt(items, offset - lengthBound(items));
}

/**
 * A new array of the items of `a` and `b`, each sorted by start, sorted by start; of two
 * that start alike, `a`'s first (as a stable sort of the two joined would have them).
 * Never one of the inputs: callers change the arrays in place later.
 */
export function mergeByStart<T extends { start: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
