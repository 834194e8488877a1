import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { listFundingRequests, type FundingRequestRow } from '../../db/queries/funding.js';
import { parseParams } from '../http-error.js';
import { formatFundingCsv, mainCurrency, presentFundingItem, quarterOf, sumFunding } from '../presenters/funding.js';
import { buildPagination, buildUrl } from '../presenters/page-links.js';
import { formatAmount } from '../presenters/view-helpers.js';
import { renderBarChart } from '../svg-chart.js';
import { dropEmpty, pageNumber, year } from './pages-params.js';

const currency = z.string().regex(/^[A-Za-z0-9$€£._-]{1,12}$/, 'must be a currency code such as USD or AKT').optional();
const pageQuery = z.object({ year, currency, page: pageNumber });
const exportQuery = z.object({ year });
const PER_PAGE = 50;

/** Every quarter from the first request's to the last's, so gaps show as empty bars. */
function quarterRange(rows: FundingRequestRow[]): string[] {
  const first = rows[0]?.createdAt;
  const last = rows[rows.length - 1]?.createdAt;
  if (!first || !last) return [];
  const quarters: string[] = [];
  let y = first.getUTCFullYear();
  let q = Math.floor(first.getUTCMonth() / 3);
  const endKey = quarterOf(last);
  for (let guard = 0; guard < 400; guard += 1) {
    const key = `${y} Q${q + 1}`;
    quarters.push(key);
    if (key === endKey) break;
    q += 1;
    if (q === 4) {
      q = 0;
      y += 1;
    }
  }
  return quarters;
}

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function pagesFundingRouter(db: Db): Router {
  const router = Router();

  router.get('/funding', async (req, res) => {
    const query = parseParams(pageQuery, dropEmpty(req.query));
    const rows = await listFundingRequests(db, { year: query.year });
    const currencies = [...new Set(rows.flatMap((r) => r.requested.map((i) => i.currency)))].sort();
    const chartCurrency = query.currency ?? mainCurrency(rows);
    const byQuarter = sumFunding(rows, (r) => quarterOf(r.createdAt));
    const quarters = quarterRange(rows);
    const pick = (field: 'funded' | 'pending' | 'notFunded') =>
      quarters.map((q) => byQuarter.find((t) => t.key === q && t.currency === chartCurrency)?.[field] ?? 0);
    const chartSvg = chartCurrency
      ? renderBarChart({
          title: `Requested ${chartCurrency} per quarter`,
          description: `Stacked bars per quarter: funded, still pending, and not funded amounts in ${chartCurrency}.`,
          categories: quarters,
          series: [
            { name: 'Funded', className: 'series-funded', values: pick('funded') },
            { name: 'Pending', className: 'series-pending', values: pick('pending') },
            { name: 'Not funded', className: 'series-not-funded', values: pick('notFunded') },
          ],
          formatValue: (value) => formatAmount(value, chartCurrency).replace(` ${chartCurrency}`, ''),
        })
      : null;
    const newestFirst = [...rows].reverse();
    const start = (query.page - 1) * PER_PAGE;
    const urlFor = (page: number) => buildUrl('/funding', { year: query.year, currency: query.currency, page: page === 1 ? undefined : page });
    res.render('funding', {
      title: 'Funding history',
      nav: 'funding',
      query,
      currencies,
      chartCurrency,
      chartSvg,
      byYear: sumFunding(rows, (r) => String(r.createdAt.getUTCFullYear())).sort((a, b) => b.key.localeCompare(a.key) || a.currency.localeCompare(b.currency)),
      byQuarter: byQuarter.sort((a, b) => b.key.localeCompare(a.key) || a.currency.localeCompare(b.currency)),
      byRequester: sumFunding(rows, (r) => r.author ?? 'unknown')
        .sort((a, b) => b.requested - a.requested || a.key.localeCompare(b.key))
        .slice(0, 25),
      overall: sumFunding(rows, () => 'all'),
      items: newestFirst.slice(start, start + PER_PAGE),
      pagination: buildPagination(query.page, PER_PAGE, rows.length, urlFor),
      exportQuery: query.year ? `?year=${query.year}` : '',
    });
  });

  router.get('/funding.csv', async (req, res) => {
    const query = parseParams(exportQuery, dropEmpty(req.query));
    const rows = await listFundingRequests(db, { year: query.year });
    res.type('text/csv; charset=utf-8');
    res.attachment(query.year ? `funding-${query.year}.csv` : 'funding.csv');
    res.send(formatFundingCsv(rows));
  });

  router.get('/funding.json', async (req, res) => {
    const query = parseParams(exportQuery, dropEmpty(req.query));
    const rows = await listFundingRequests(db, { year: query.year });
    const base = origin(req);
    res.json({
      generatedAt: new Date().toISOString(),
      year: query.year ?? null,
      totals: {
        overall: sumFunding(rows, () => 'all').map(({ key: _key, ...rest }) => rest),
        byYear: sumFunding(rows, (r) => String(r.createdAt.getUTCFullYear())),
        byQuarter: sumFunding(rows, (r) => quarterOf(r.createdAt)),
        byRequester: sumFunding(rows, (r) => r.author ?? 'unknown'),
      },
      items: rows.map((row) => presentFundingItem(row, base)),
    });
  });

  return router;
}
