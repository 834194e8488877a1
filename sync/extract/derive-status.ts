import type { StatusSignal } from './extract-status-signals.js';
import type { ProposalStatus, StatusOverrideInput, StatusResult } from './types.js';

/** Later stages win: an outcome beats a closed discussion, which beats an on-chain vote, and so on. */
const RANK: Record<ProposalStatus, number> = {
  new: 0, under_discussion: 1, presented: 2, awaiting_proposer: 3, on_chain: 4, closed: 5, passed: 6, rejected: 6, withdrawn: 7,
};

function time(iso: string): number {
  return Date.parse(iso);
}

/** The signals in force at a moment, and the status they add up to. */
export function statusAt(signals: readonly StatusSignal[], at: number): { status: ProposalStatus; active: StatusSignal[] } {
  const active = signals.filter((signal) => time(signal.at) <= at && (signal.until === null || time(signal.until) > at));
  let best: StatusSignal | null = null;
  for (const signal of active) {
    if (!best || RANK[signal.status] > RANK[best.status] || (RANK[signal.status] === RANK[best.status] && time(signal.at) >= time(best.at))) best = signal;
  }
  const status = best?.status ?? 'new';
  return { status, active: active.filter((signal) => signal.status === status) };
}

function reasonFor(status: ProposalStatus, active: readonly StatusSignal[]): string {
  const [first] = active;
  if (!first) return 'No evidence yet.';
  if (status === 'awaiting_proposer' && active.length > 1) return `${active.length} committee questions are open; the oldest: ${first.summary}.`;
  if (status === 'passed' || status === 'rejected') return `${active[active.length - 1]?.summary ?? first.summary}.`;
  return `${first.summary}.`;
}

/**
 * The current status, with a one-line reason and the evidence behind it. A manual override always
 * wins and says so.
 */
export function deriveStatus(signals: readonly StatusSignal[], override: StatusOverrideInput | null | undefined, now: string): StatusResult {
  const { status, active } = statusAt(signals, time(now));
  const evidence = active.map(({ status: s, at, summary, ref }) => ({ status: s, at, summary, ref }));
  if (override) {
    return {
      status: override.status,
      reason: `Set manually by ${override.by} on ${override.at.slice(0, 10)}: ${override.reason} (the evidence alone says ${status}).`,
      evidence: [{ status: override.status, at: override.at, summary: `Manual override by ${override.by}: ${override.reason}`, ref: null }, ...evidence],
      overridden: true,
    };
  }
  return { status, reason: reasonFor(status, active), evidence, overridden: false };
}
