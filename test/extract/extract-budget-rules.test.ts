import { describe, expect, test } from '@jest/globals';
import { extractBudget } from '../../sync/extract/extract-budget.js';
import { findNonAskReason } from '../../sync/extract/find-non-ask-reason.js';
import { parseMoney } from '../../sync/extract/parse-money.js';

/** Rules added after scoring against the independently written discussion fixtures. */

function reasonsIn(line: string): (string | null)[] {
  return parseMoney(line).map((money) => findNonAskReason(line, money));
}

describe('where the ask is stated', () => {
  test('a "How much" or "Amount" heading is a budget section', () => {
    const body = [
      '## Overview', '',
      'Micro-grants of 150–600 USDC for translators, reviewed weekly.', '',
      '## How much', '',
      '40,000 USDC in a 3-of-5 multisig, refilled once if it runs dry.',
    ].join('\n');
    expect(extractBudget(body).totals).toEqual([{ currency: 'USDC', amount: 40000 }]);
    expect(extractBudget('## Amount\n\n$12,000 for the first cohort.').totals).toEqual([{ currency: 'USD', amount: 12000 }]);
  });

  test('"we propose a … budget of $X" states the ask without a budget heading', () => {
    const body = [
      '# Relay monitoring 2025', '',
      'We propose a standing maintenance budget of **$240k** across the year (roughly $20k a month) for alerting and on-call.', '',
      '## Scope', '', '- alert rules', '- runbooks',
    ].join('\n');
    expect(extractBudget(body).totals).toEqual([{ currency: 'USD', amount: 240000 }]);
  });

  test('a prose "we propose" sentence without a budget word is not an ask', () => {
    expect(extractBudget('We propose that leases under $5 settle daily.').totals).toEqual([]);
  });

  test('"Budget: 7.5k" on its own line is the ask of a body with no budget section', () => {
    expect(extractBudget('Ten explainer threads and two short videos.\n\nBudget: 7.5k').totals).toEqual([{ currency: 'USD', amount: 7500 }]);
  });

  test('labelled lines under several non-budget headings add up', () => {
    const body = '### Phase A — indexer\nCost: $9,000\n\n### Phase B — API\nCost: $6,000\n';
    expect(extractBudget(body).totals).toEqual([{ currency: 'USD', amount: 15000 }]);
  });

  test('a labelled rate without a quantity is not an ask', () => {
    expect(extractBudget('A support desk for tenants.\n\nCost: $45 per hour').totals).toEqual([]);
  });

  test('"Total: $X" later in a prose line is the stated total', () => {
    const body = 'Two part-time reviewers for the grants queue.\n\n$2,000 per month × 9 months. Total: $18,000.';
    expect(extractBudget(body).totals).toEqual([{ currency: 'USD', amount: 18000 }]);
  });

  test('in a budget section the amounts before a trailing total stay phases', () => {
    const budget = extractBudget('## Budget\n\n- Phase 1 $10k (design), Phase 2 $25k (build), total $30k');
    expect(budget.phases.map((phase) => phase.amount)).toEqual([10000, 25000]);
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 30000 }]);
    expect(budget.mismatch).toEqual([{ currency: 'USD', stated: 30000, phaseSum: 35000 }]);
  });
});

describe('figures that restate or break down the ask', () => {
  test('a prose figure equal to the sum of the table rows is their total, not another phase', () => {
    const body = [
      '## Request', '',
      'Up to 90,000 AKT over three quarters, released per quarter.', '',
      '| Quarter | AKT |', '|---|---|', '| Q1 | 30,000 |', '| Q2 | 30,000 |', '| Q3 | 30,000 |',
    ].join('\n');
    const budget = extractBudget(body);
    expect(budget.totals).toEqual([{ currency: 'AKT', amount: 90000 }]);
    expect(budget.phases.map((phase) => phase.amount)).toEqual([30000, 30000, 30000]);
  });

  test('a list item that happens to equal the sum of the others stays a phase', () => {
    const body = '## Milestones\n\n- Design — $10,000\n- Build — $15,000\n- Launch — $25,000\n';
    const budget = extractBudget(body);
    expect(budget.phases).toHaveLength(3);
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 50000 }]);
  });

  test('amounts after a colon that add up to the amount before it are its breakdown', () => {
    const body = '## Budget\n\n$48,000 for the workshop series: trainers $30,000, venues $12,000 and recordings $6,000.';
    expect(extractBudget(body).totals).toEqual([{ currency: 'USD', amount: 48000 }]);
  });

  test('"Phase 1: $X, Phase 2: $Y" is two phases, not a breakdown', () => {
    expect(extractBudget('## Budget\n\nPhase 1: $10,000, Phase 2: $15,000').totals).toEqual([{ currency: 'USD', amount: 25000 }]);
  });
});

describe('figures of earlier versions', () => {
  test('amounts an earlier draft asked for are not the ask', () => {
    const line = 'Now **$90,000** after the review. The original request was $130,000, and a previous draft asked for $110,000.';
    expect(reasonsIn(line)).toEqual([null, 'an earlier value', 'the ask of an earlier version']);
    expect(extractBudget(`## Budget\n\n${line}`).totals).toEqual([{ currency: 'USD', amount: 90000 }]);
  });

  test('building on a previous version is not an earlier figure', () => {
    expect(reasonsIn('Building on the previous version of the tool, we request $40,000 for v2.')).toEqual([null]);
  });

  test('a struck-through amount is an old value', () => {
    expect(extractBudget('## Budget\n\n~~$80,000~~ $65,000 for the first year.').totals).toEqual([{ currency: 'USD', amount: 65000 }]);
    expect(reasonsIn('~~$80,000~~ $65,000')).toEqual(['struck out', null]);
  });
});

describe('several amounts in one line', () => {
  test('comma-separated items of one currency are separate phases', () => {
    expect(extractBudget('## Budget\n\nWe need $5,000 for hosting, $3,000 for design and $2,000 for QA.').totals).toEqual([{ currency: 'USD', amount: 10000 }]);
    expect(extractBudget('## Budget\n\nDevelopment ($12,000), design ($3,000) and QA ($2,000).').totals).toEqual([{ currency: 'USD', amount: 17000 }]);
    expect(extractBudget('## Budget\n\n$5,000/month for 6 months for moderation, $3,000 for tooling').totals).toEqual([{ currency: 'USD', amount: 33000 }]);
  });

  test('a restatement after a comma is not another item', () => {
    expect(extractBudget('## Budget\n\n$24,000, which is $2,000 a month').totals).toEqual([{ currency: 'USD', amount: 24000 }]);
    expect(extractBudget('We request $60k for the year, $5k per month.').totals).toEqual([{ currency: 'USD', amount: 60000 }]);
    expect(extractBudget('## Budget\n\n$30,000 ($10,000 for design, $20,000 for build)').totals).toEqual([{ currency: 'USD', amount: 30000 }]);
  });

  test('each sentence of a prose line is read on its own', () => {
    expect(extractBudget('The 2023 edition cost $45,000. This year we ask for $55,000.').totals).toEqual([{ currency: 'USD', amount: 55000 }]);
    expect(extractBudget('Approx. $5,000 of this is venue. We are requesting $9,000 in total.').totals).toEqual([{ currency: 'USD', amount: 9000 }]);
  });
});

describe('context figures', () => {
  test('pay, comparisons, earlier grants and amounts asked before are not the ask', () => {
    expect(reasonsIn('Engineers earn $180k a year')).toEqual(['pay quoted as context']);
    expect(reasonsIn('Compared with the $80,000 of round one')).toEqual(['a figure for comparison']);
    expect(reasonsIn('Our first grant (AKT 20,000) built the MVP')).toEqual(['earlier funding']);
    expect(reasonsIn('the $80,000 we asked for in round one')).toEqual(['an amount asked for or received before']);
    expect(reasonsIn('Salaries: 14,000 USD')).toEqual([null]);
  });
});
