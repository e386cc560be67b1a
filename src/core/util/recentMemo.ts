/**
 * A function's answers for the keys asked lately, kept in two generations: a full one
 * becomes the older, which is dropped when the next fills. (Dropping all at once at the
 * limit made a file of 50,000 different people work most answers out again and again,
 * a third of its time.)
 */
export class RecentMemo<V> {
  private recent = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(
    private readonly work: (key: string) => V,
    private readonly perGeneration = 100_000,
  ) {}

  get(key: string): V {
    let value = this.recent.get(key);
    if (value !== undefined) return value;
    value = this.older.get(key) ?? this.work(key);
    if (this.recent.size >= this.perGeneration) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
    return value;
  }
}
