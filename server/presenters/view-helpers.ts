/** Small formatting functions every page uses; exposed to the views as `h` (app.locals). */

const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  under_discussion: 'Under discussion',
  presented: 'Presented',
  awaiting_proposer: 'Awaiting proposer',
  on_chain: 'On chain',
  passed: 'Passed',
  rejected: 'Rejected',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
  unanalysed: 'Not analysed yet',
};

export const STATUSES = Object.keys(STATUS_LABELS);

export function statusLabel(status: string | null | undefined): string {
  return STATUS_LABELS[status ?? 'unanalysed'] ?? String(status);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 days ago", "in 2 hours", "just now". */
export function relativeTime(value: Date | string | null | undefined, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) return '—';
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relativeFormat.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

/** "2024-08-29 14:05 UTC": the exact time, shown on hover. */
export function exactTime(value: Date | string | null | undefined): string {
  const date = toDate(value);
  if (!date) return '';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A `<time>` element: relative text, exact time in `title` and `datetime`. Escapes everything it prints. */
export function timeTag(value: Date | string | null | undefined, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) return '<span class="muted">—</span>';
  const iso = date.toISOString();
  return `<time datetime="${escapeHtml(iso)}" title="${escapeHtml(exactTime(date))}">${escapeHtml(relativeTime(date, now))}</time>`;
}

/** A calendar date (`YYYY-MM-DD`, as meetings have) as a `<time>` element. */
export function dateTag(value: string | null | undefined): string {
  if (!value) return '<span class="muted">—</span>';
  const date = toDate(`${value.slice(0, 10)}T00:00:00Z`);
  if (!date) return escapeHtml(value);
  const text = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `<time datetime="${escapeHtml(value.slice(0, 10))}">${escapeHtml(text)}</time>`;
}

/** Whole days from `value` to `now`, or null. */
export function daysSince(value: Date | string | null | undefined, now: Date = new Date()): number | null {
  const date = toDate(value);
  if (!date) return null;
  return Math.max(0, Math.floor((now.getTime() - date.getTime()) / 86_400_000));
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatAmount(amount: number, currency: string): string {
  return `${numberFormat.format(amount)} ${currency}`;
}

/** "50,000 USD + 12,000 AKT", or "—" when nothing is asked. */
export function formatAmounts(list: { currency: string; amount: number }[] | null | undefined): string {
  if (!list || !list.length) return '—';
  return list.map((item) => formatAmount(item.amount, item.currency)).join(' + ');
}

/** The path of a proposal page. Parts are URL-encoded. */
export function proposalPath(p: { owner: string; repo: string; number: number }): string {
  return `/proposals/${encodeURIComponent(p.owner)}/${encodeURIComponent(p.repo)}/${p.number}`;
}

export function personPath(login: string): string {
  return `/people/${encodeURIComponent(login)}`;
}

export function meetingPath(id: string | number): string {
  return `/meetings/${encodeURIComponent(String(id))}`;
}

/** Anchor id of a transcript timestamp: `00:25:00` → `t-00-25-00`. */
export function timestampAnchor(timestamp: string): string {
  return `t-${timestamp.replace(/[^0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** A URL is only ever linked when it is http(s); anything else is shown as text. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/**
 * A mention's excerpt as a quotation: the raw line without its markdown list marker, heading hashes or emphasis
 * markers, and without the speaker's "Name:" label when the speaker is shown beside it.
 */
export function quotedExcerpt(excerpt: string, speaker?: string | null): string {
  let text = excerpt.replace(/\*\*|__/g, '').replace(/^(…?)\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*)+/, '$1');
  if (speaker) {
    const label = `${speaker}:`;
    const at = text.startsWith('…') ? 1 : 0;
    if (text.slice(at, at + label.length).toLowerCase() === label.toLowerCase()) text = text.slice(0, at) + text.slice(at + label.length).trimStart();
  }
  return text.trim();
}

export const viewHelpers = {
  quotedExcerpt,
  statusLabel,
  relativeTime,
  exactTime,
  timeTag,
  dateTag,
  daysSince,
  formatAmount,
  formatAmounts,
  proposalPath,
  personPath,
  meetingPath,
  timestampAnchor,
  safeUrl,
};

export type ViewHelpers = typeof viewHelpers;
