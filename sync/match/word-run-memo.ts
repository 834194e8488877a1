const EMPTY = -1;
/**
 * Room for half this many runs before the table grows: a corpus of a few hundred meetings has some tens of thousands
 * (every run a garbled name might start is remembered), and growing again and again costs more than the memory.
 */
const INITIAL_SLOTS = 1 << 16;

/**
 * Numbers (0 or more) remembered for runs of two or three word numbers (a, b) or (a, b, c): an open-addressing table
 * over one typed array holding each run with its number side by side, so a lookup reads one place in memory,
 * allocates nothing and needs no composite key.
 */
export class WordRunMemo {
  private slots = new Int32Array(4 * INITIAL_SLOTS).fill(EMPTY);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The number remembered for the run, or -1; pass -1 as `c` for a run of two. */
  get(a: number, b: number, c: number): number {
    const k = this.find(a, b, c) * 4;
    return this.slots[k] === EMPTY ? -1 : this.slots[k + 3]!;
  }

  set(a: number, b: number, c: number, value: number): void {
    const k = this.find(a, b, c) * 4;
    const slots = this.slots;
    if (slots[k] === EMPTY) {
      slots[k] = a;
      slots[k + 1] = b;
      slots[k + 2] = c;
      this.count++;
    }
    slots[k + 3] = value;
    if (this.count * 2 > this.mask) this.grow();
  }

  clear(): void {
    this.slots.fill(EMPTY);
    this.count = 0;
  }

  /** The slot holding the run, or the empty slot where it would go. */
  private find(a: number, b: number, c: number): number {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 0;
    slot = (slot ^ (slot >>> 15)) & this.mask;
    const slots = this.slots;
    for (;;) {
      const k = slot * 4;
      if (slots[k] === EMPTY || (slots[k] === a && slots[k + 1] === b && slots[k + 2] === c)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size * 4).fill(EMPTY);
    this.mask = size - 1;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k] === EMPTY) continue;
      const to = this.find(old[k]!, old[k + 1]!, old[k + 2]!) * 4;
      for (let f = 0; f < 4; f++) this.slots[to + f] = old[k + f]!;
    }
  }
}
