import type { QueueFacets, QueueRow } from '../../db/queries/pages-queue.js';
import type { QueueQuery } from '../routes/pages-queue.js';
import { buildPagination, buildUrl } from './page-links.js';
import { daysSince, STATUSES } from './view-helpers.js';

interface QueueInput {
  query: QueueQuery;
  direction: 'asc' | 'desc';
  items: QueueRow[];
  total: number;
  facets: QueueFacets;
  committeeNames: string[];
  now: Date;
  staleDays: number;
}

const COLUMNS: { sort: QueueQuery['sort']; label: string; defaultDir: 'asc' | 'desc' }[] = [
  { sort: 'number', label: 'Proposal', defaultDir: 'desc' },
  { sort: 'activity', label: 'Updated', defaultDir: 'desc' },
  { sort: 'proposer', label: 'Proposer idle', defaultDir: 'asc' },
  { sort: 'committee', label: 'Committee idle', defaultDir: 'asc' },
  { sort: 'questions', label: 'Open questions', defaultDir: 'desc' },
  { sort: 'mentioned', label: 'Last meeting', defaultDir: 'desc' },
];

/** Everything the queue view needs, with every link already built from the current filter. */
export function presentQueue(input: QueueInput) {
  const { query, direction, now } = input;
  const filterParams = {
    status: query.status,
    category: query.category,
    source: query.source,
    year: query.year,
    'needs-response': query['needs-response'],
    'awaiting-proposer': query['awaiting-proposer'],
    stale: query.stale,
    member: query.member,
  };
  const sortParams = { sort: query.sort === 'activity' ? undefined : query.sort, dir: query.dir };
  const perPage = query.perPage === 25 ? undefined : query.perPage;
  const pageUrl = (page: number) => buildUrl('/', { ...filterParams, ...sortParams, perPage, page: page === 1 ? undefined : page });
  const columns = COLUMNS.map((column) => {
    const active = column.sort === query.sort;
    const nextDir = active ? (direction === 'asc' ? 'desc' : 'asc') : column.defaultDir;
    return {
      label: column.label,
      active,
      ariaSort: active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none',
      url: buildUrl('/', { ...filterParams, sort: column.sort, dir: nextDir, perPage }),
    };
  });
  const activeFilters = Object.entries(filterParams).filter(([, value]) => value !== undefined && value !== false).length;
  return {
    query,
    statuses: STATUSES,
    facets: input.facets,
    committeeNames: input.committeeNames,
    columns,
    activeFilters,
    clearUrl: '/',
    staleDays: input.staleDays,
    pagination: buildPagination(query.page, query.perPage, input.total, pageUrl),
    feedUrl: '/feed.xml',
    rows: input.items.map((row) => ({
      ...row,
      proposerDays: daysSince(row.lastProposerActivityAt, now),
      committeeDays: daysSince(row.lastCommitteeActivityAt, now),
      needsCommittee: row.lastCommitteeActivityAt === null || row.lastProposerActivityAt > row.lastCommitteeActivityAt,
    })),
  };
}
