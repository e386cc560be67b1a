/**
 * `list.splice(at, removed, ...items)` for any number of items. Spread arguments go on
 * the call stack, and a window as long as the text (a file of one long paragraph) holds
 * more of them than the stack does.
 */
export function spliceIn<T>(list: T[], at: number, removed: number, items: readonly T[]): void {
  if (items.length <= SPREAD_LIMIT) {
    list.splice(at, removed, ...items);
    return;
  }
  const tail = list.slice(at + removed);
  list.length = at;
  for (const item of items) list.push(item);
  for (const item of tail) list.push(item);
}

/** Well below what V8's default stack takes as arguments (~120,000 on 64-bit). */
const SPREAD_LIMIT = 10_000;
