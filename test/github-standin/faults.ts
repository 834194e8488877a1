import { seededRandom } from '../../lib/seeded-random.js';

export interface FaultOptions {
  /** Seed of the deterministic PRNG (default 1). Setting it again restarts the sequence. */
  seed?: number;
  /** Fraction of requests answered 502 with an HTML body. */
  rate502?: number;
  /** Fraction of requests answered 403 "You have exceeded a secondary rate limit" with retry-after. */
  rateSecondaryLimit?: number;
  /** retry-after seconds on secondary-limit answers (default 1). */
  retryAfterSeconds?: number;
  /** Fraction of requests whose JSON body is cut off mid-way and the connection ended. */
  rateTruncated?: number;
  /** Delay added to slow requests. */
  slowMs?: number;
  /** Fraction of requests delayed by slowMs (default 1 when slowMs is set). */
  rateSlow?: number;
}

export type FaultKind = 'bad-gateway' | 'secondary-limit' | 'truncated';

export interface FaultDecision {
  fault: FaultKind | null;
  delayMs: number;
}


/** Picks faults from a seeded sequence: the same seed and request order give the same faults. */
export class FaultPicker {
  private options: FaultOptions = {};
  private random: () => number = seededRandom(1);

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
    if (options.seed !== undefined) this.random = seededRandom(options.seed ?? 1);
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  /** Draws four numbers per request whatever the options, so changing one rate does not shift the others. */
  next(): FaultDecision {
    const [slow, badGateway, secondary, truncated] = [this.random(), this.random(), this.random(), this.random()];
    const o = this.options;
    const slowMs = o.slowMs ?? 0;
    const delayMs = slowMs > 0 && slow < (o.rateSlow ?? 1) ? slowMs : 0;
    if (badGateway < (o.rate502 ?? 0)) return { fault: 'bad-gateway', delayMs };
    if (secondary < (o.rateSecondaryLimit ?? 0)) return { fault: 'secondary-limit', delayMs };
    if (truncated < (o.rateTruncated ?? 0)) return { fault: 'truncated', delayMs };
    return { fault: null, delayMs };
  }
}
