const EMPTY = -1;

/**
 * Values remembered for runs of two or three word numbers (a, b) or (a, b, c): an open-addressing table over typed
 * arrays, so a lookup allocates nothing and needs no composite key.
 */
export class WordRunMemo<T> {
  private keys = new Int32Array(3 << 12).fill(EMPTY);
  private values: T[] = new Array<T>(1 << 12);
  private mask = (1 << 12) - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The value remembered for the run, or undefined; pass -1 as `c` for a run of two. */
  get(a: number, b: number, c: number): T | undefined {
    const slot = this.find(a, b, c);
    return this.keys[slot * 3] === EMPTY ? undefined : this.values[slot];
  }

  set(a: number, b: number, c: number, value: T): void {
    const slot = this.find(a, b, c);
    if (this.keys[slot * 3] === EMPTY) {
      this.keys[slot * 3] = a;
      this.keys[slot * 3 + 1] = b;
      this.keys[slot * 3 + 2] = c;
      this.count++;
    }
    this.values[slot] = value;
    if (this.count * 2 > this.mask) this.grow();
  }

  clear(): void {
    this.keys.fill(EMPTY);
    this.values.fill(undefined as T);
    this.count = 0;
  }

  /** The slot holding the run, or the empty slot where it would go. */
  private find(a: number, b: number, c: number): number {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 0;
    slot = (slot ^ (slot >>> 15)) & this.mask;
    const keys = this.keys;
    for (;;) {
      const k = slot * 3;
      if (keys[k] === EMPTY || (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    const size = (this.mask + 1) * 2;
    this.keys = new Int32Array(size * 3).fill(EMPTY);
    this.values = new Array<T>(size);
    this.mask = size - 1;
    for (let slot = 0; slot < values.length; slot++) {
      const k = slot * 3;
      if (keys[k] === EMPTY) continue;
      const to = this.find(keys[k]!, keys[k + 1]!, keys[k + 2]!);
      this.keys[to * 3] = keys[k]!;
      this.keys[to * 3 + 1] = keys[k + 1]!;
      this.keys[to * 3 + 2] = keys[k + 2]!;
      this.values[to] = values[slot]!;
    }
  }
}
