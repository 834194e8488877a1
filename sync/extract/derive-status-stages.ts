import { statusAt } from './derive-status.js';
import type { StatusSignal } from './extract-status-signals.js';
import type { StatusOverrideInput, StatusStage } from './types.js';

const DAY_MS = 86_400_000;

function days(from: number, to: number): number {
  return Math.round(((to - from) / DAY_MS) * 10) / 10;
}

/**
 * How long the proposal spent in each status: the status is recomputed at every moment a signal
 * starts or ends, and consecutive equal statuses merge. An override starts a final stage.
 */
export function deriveStatusStages(signals: readonly StatusSignal[], override: StatusOverrideInput | null | undefined, now: string): StatusStage[] {
  const end = Date.parse(now);
  const cutoff = override ? Math.min(Date.parse(override.at), end) : end;
  const moments = [...new Set(signals.flatMap((signal) => [signal.at, ...(signal.until ? [signal.until] : [])]).map((at) => Date.parse(at)))]
    .filter((moment) => Number.isFinite(moment) && moment <= cutoff)
    .sort((a, b) => a - b);
  const stages: { status: StatusStage['status']; from: number; to: number | null }[] = [];
  for (const moment of moments) {
    const { status } = statusAt(signals, moment);
    const last = stages[stages.length - 1];
    if (last?.status === status) continue;
    if (last) last.to = moment;
    stages.push({ status, from: moment, to: null });
  }
  if (override) {
    const last = stages[stages.length - 1];
    if (last) last.to = cutoff;
    stages.push({ status: override.status, from: cutoff, to: null });
  }
  const merged: typeof stages = [];
  for (const stage of stages.filter((s) => s.to === null || s.to > s.from)) {
    const last = merged[merged.length - 1];
    if (last?.status === stage.status) last.to = stage.to;
    else merged.push({ ...stage });
  }
  return merged.map((stage) => ({
      status: stage.status,
      from: new Date(stage.from).toISOString(),
      to: stage.to === null ? null : new Date(stage.to).toISOString(),
      days: days(stage.from, stage.to ?? end),
    }));
}
