const HOUR_MS = 3_600_000;

export interface BudgetSnapshot {
  limit: number;
  used: number;
  remaining: number;
  resetAtMs: number;
}

/** GitHub's hourly primary point budget, on the real clock so clients can wait for `x-ratelimit-reset`. */
export class RateBudget {
  private used = 0;
  private resetAtMs: number;

  constructor(
    private readonly limit: number,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.resetAtMs = nowMs() + HOUR_MS;
  }

  private roll(): void {
    if (this.nowMs() >= this.resetAtMs) {
      this.used = 0;
      this.resetAtMs = this.nowMs() + HOUR_MS;
    }
  }

  snapshot(): BudgetSnapshot {
    this.roll();
    return { limit: this.limit, used: this.used, remaining: Math.max(0, this.limit - this.used), resetAtMs: this.resetAtMs };
  }

  /** Charges `cost` points if they fit in what is left; a query that does not fit is refused whole. */
  tryCharge(cost: number): boolean {
    this.roll();
    if (this.used + cost > this.limit) return false;
    this.used += cost;
    return true;
  }

  exhaust(resetInSeconds = 3600): void {
    this.used = this.limit;
    this.resetAtMs = this.nowMs() + resetInSeconds * 1000;
  }

  reset(): void {
    this.used = 0;
    this.resetAtMs = this.nowMs() + HOUR_MS;
  }
}

export function rateLimitHeaders(snapshot: BudgetSnapshot): Record<string, string> {
  return {
    'x-ratelimit-limit': String(snapshot.limit),
    'x-ratelimit-remaining': String(snapshot.remaining),
    'x-ratelimit-used': String(snapshot.used),
    'x-ratelimit-reset': String(Math.ceil(snapshot.resetAtMs / 1000)),
    'x-ratelimit-resource': 'graphql',
  };
}
