import type { FundingRequestRow } from '../../db/queries/funding.js';
import { proposalPath } from './view-helpers.js';

/** How a request ended, for totals: funded, still deciding, or not funded. */
export type FundingOutcome = 'funded' | 'pending' | 'not_funded';

export function fundingOutcome(status: string): FundingOutcome {
  if (status === 'passed') return 'funded';
  if (status === 'rejected' || status === 'withdrawn' || status === 'closed') return 'not_funded';
  return 'pending';
}

export interface FundingTotals {
  key: string;
  currency: string;
  requested: number;
  funded: number;
  pending: number;
  notFunded: number;
  count: number;
}

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Sums per (key, currency), in first-seen key order. Linear in the number of rows. */
export function sumFunding(rows: FundingRequestRow[], keyOf: (row: FundingRequestRow) => string): FundingTotals[] {
  const totals = new Map<string, FundingTotals>();
  for (const row of rows) {
    const outcome = fundingOutcome(row.status);
    for (const item of row.requested) {
      const key = keyOf(row);
      const id = `${key}\u0000${item.currency}`;
      const entry = totals.get(id) ?? { key, currency: item.currency, requested: 0, funded: 0, pending: 0, notFunded: 0, count: 0 };
      entry.requested += item.amount;
      entry.count += 1;
      if (outcome === 'funded') entry.funded += item.amount;
      else if (outcome === 'pending') entry.pending += item.amount;
      else entry.notFunded += item.amount;
      totals.set(id, entry);
    }
  }
  return [...totals.values()];
}

/** The currency most requests ask in: the chart's default. */
export function mainCurrency(rows: FundingRequestRow[]): string | null {
  const counts = new Map<string, number>();
  for (const row of rows) for (const item of row.requested) counts.set(item.currency, (counts.get(item.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export function presentFundingItem(row: FundingRequestRow, origin: string) {
  return {
    date: row.createdAt.toISOString().slice(0, 10),
    quarter: quarterOf(row.createdAt),
    source: `${row.owner}/${row.repo}`,
    number: row.number,
    title: row.title,
    author: row.author,
    category: row.category,
    status: row.status,
    outcome: fundingOutcome(row.status),
    requested: row.requested,
    url: row.url,
    trackerUrl: `${origin}${proposalPath(row)}`,
  };
}

/** Spreadsheets run cells that start with = + - @ as formulas; a leading quote keeps hostile titles as text. */
function csvText(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const FUNDING_CSV_HEADER = 'date,quarter,source,number,title,author,category,status,outcome,currency,amount,url';

/** One line per proposal and currency, CRLF line ends (RFC 4180). */
export function formatFundingCsv(rows: FundingRequestRow[]): string {
  const lines = [FUNDING_CSV_HEADER];
  for (const row of rows) {
    for (const item of row.requested) {
      lines.push(
        [
          row.createdAt.toISOString().slice(0, 10),
          quarterOf(row.createdAt),
          csvText(`${row.owner}/${row.repo}`),
          String(row.number),
          csvText(row.title),
          csvText(row.author),
          csvText(row.category),
          row.status,
          fundingOutcome(row.status),
          csvText(item.currency),
          String(item.amount),
          csvText(row.url),
        ].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
