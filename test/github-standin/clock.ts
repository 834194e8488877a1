export type TimeInput = Date | string | number;

export function toEpochMs(time: TimeInput): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new Error(`Not a valid time: ${String(time)}`);
  return ms;
}

/** A clock that only moves when told to, so store timestamps are deterministic. */
export class Clock {
  private current: number;

  constructor(start: TimeInput = '2024-01-01T00:00:00Z') {
    this.current = toEpochMs(start);
  }

  nowMs(): number {
    return this.current;
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`Clock can only move forward, got ${ms} ms`);
    this.current += ms;
  }

  set(time: TimeInput): void {
    this.current = toEpochMs(time);
  }
}
