// The best few of a stream of candidates, for the concessions search: it sees millions and keeps a handful.

/** Keeps the best `limit` items of a stream under a total order, with memory O(limit). */
export class TopK<T> {
  private items: T[] = [];
  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}
  /** The worst item kept at the last trim, once `limit` are known: anything worse can be skipped. */
  cutoff: T | undefined;
  push(x: T): void {
    this.items.push(x);
    if (this.items.length >= 2 * this.limit + 64) this.trim();
  }
  private trim(): void {
    this.items.sort(this.compare);
    this.items.length = Math.min(this.items.length, this.limit);
    if (this.items.length === this.limit) this.cutoff = this.items[this.limit - 1];
  }
  result(): T[] {
    this.trim();
    return this.items;
  }
}
