import { describe, expect, test } from '@jest/globals';
import { extractBudget } from '../../sync/extract/extract-budget.js';
import { readBody } from './read-fixture.js';

describe('extractBudget on tables', () => {
  test('phase table with a total row: phases, stated total, and no non-ask numbers from the background', () => {
    const budget = extractBudget(readBody('phase-table.md'));
    expect(budget.phases.map((p) => [p.label, p.amount, p.currency])).toEqual([
      ['Phase 1', 60000, 'USD'], ['Phase 2', 45000, 'USD'], ['Phase 3', 25000, 'USD'],
    ]);
    expect(budget.phases[0]?.description).toContain('Indexer hardening');
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 130000 }]);
    expect(budget.statedTotal).toEqual([{ currency: 'USD', amount: 130000 }]);
    expect(budget.mismatch).toBeUndefined();
  });

  test('milestone table whose stated total disagrees with its rows: both kept, total reported, flagged', () => {
    const budget = extractBudget(readBody('milestone-mismatch.md'));
    expect(budget.phases.map((p) => p.amount)).toEqual([30000, 35000, 25000]);
    expect(budget.phases.every((p) => p.currency === 'USDC')).toBe(true);
    expect(budget.phases[0]?.description).toContain('2024-07-15');
    expect(budget.totals).toEqual([{ currency: 'USDC', amount: 95000 }]);
    expect(budget.mismatch).toEqual([{ currency: 'USDC', stated: 95000, phaseSum: 90000 }]);
  });

  test('month table takes its currency from the header "Cost (AKT)"', () => {
    const budget = extractBudget(readBody('month-table-hint.md'));
    expect(budget.phases.map((p) => p.label)).toEqual(['June', 'July', 'August', 'September']);
    expect(budget.totals).toEqual([{ currency: 'AKT', amount: 20000 }]);
  });

  test('item table with USD and AKT columns counts USD once and keeps AKT as the equivalent', () => {
    const budget = extractBudget(readBody('item-table-two-columns.md'));
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 45000 }]);
    expect(budget.phases[0]?.equivalent).toEqual({ currency: 'AKT', amount: 9300 });
  });

  test('quarter table where the money column is found by content, not header', () => {
    const body = [
      '## Requested support', '', '| Quarter | Focus | Ask |', '|---|---|---|',
      '| Q1 | Grants round | 20k USDC |', '| Q2 | Grants round | 20k USDC |', '| Q3 | Review | 10k USDC |',
    ].join('\n');
    expect(extractBudget(body).totals).toEqual([{ currency: 'USDC', amount: 50000 }]);
  });

  test('a per-month table cell is multiplied by a duration in another column', () => {
    const body = ['## Budget', '', '| Item | Duration | Cost |', '|---|---|---|', '| Moderator | 6 months | $2,000/month |', '| Bot hosting | 12 months | $150/month |'].join('\n');
    expect(extractBudget(body).totals).toEqual([{ currency: 'USD', amount: 13800 }]);
  });
});

describe('extractBudget on bullets and prose', () => {
  test('two-currency bullets keep the primary currency and note the equivalent', () => {
    const budget = extractBudget(readBody('quarters-two-currencies.md'));
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 150000 }]);
    expect(budget.phases.map((p) => [p.label, p.amount, p.equivalent?.amount])).toEqual([
      ['Q1 2025', 80000, 53000], ['Q2 2025', 70000, 46500],
    ]);
    expect(budget.phases[0]?.approximate).toBe(true);
  });

  test('AKT-first asks stay in AKT with the USD figure as the equivalent', () => {
    const budget = extractBudget(readBody('akt-primary.md'));
    expect(budget.totals).toEqual([{ currency: 'AKT', amount: 162000 }]);
    expect(budget.phases[0]?.equivalent).toEqual({ currency: 'USD', amount: 420000 });
  });

  test('monthly rates with durations are multiplied out, one-off lines kept', () => {
    const budget = extractBudget(readBody('monthly-rates.md'));
    expect(budget.phases.map((p) => p.amount)).toEqual([14400, 30000, 3500]);
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 47900 }]);
  });

  test('a single requested total in prose without any budget heading', () => {
    const budget = extractBudget(readBody('prose-total.md'));
    expect(budget.phases).toEqual([]);
    expect(budget.totals).toEqual([{ currency: 'USDC', amount: 42000 }]);
  });

  test('phase sub-headings label the "Budget: $X" lines under them', () => {
    const budget = extractBudget(readBody('heading-phases.md'));
    expect(budget.phases.map((p) => [p.label, p.amount])).toEqual([['Phase 1: Core wallet', 60000], ['Phase 2: Deployments from the phone', 40000]]);
  });

  test('dash and ellipsis bullets, K and M suffixes, and a grand total', () => {
    const body = [
      '## Funding', '',
      '- Phase 1 — audit of the escrow module — $50,000',
      '- Tranche 2 … 25K (fuzzing harness)',
      '- Phase 3 - long-term maintenance - $1.2M',
      '', 'Grand total: $1,275,000',
    ].join('\n');
    const budget = extractBudget(body);
    expect(budget.phases.map((p) => [p.label, p.amount, p.currency])).toEqual([
      ['Phase 1 — audit of the escrow module', 50000, 'USD'], ['Tranche 2', 25000, 'USD'], ['Phase 3 - long-term maintenance', 1200000, 'USD'],
    ]);
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 1275000 }]);
    expect(budget.mismatch).toBeUndefined();
  });

  test('"~50k USD (AKT 165,000)" as one line is one request', () => {
    const budget = extractBudget('## Ask\n\n- Development: ~50k USD (AKT 165,000)\n');
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 50000 }]);
    expect(budget.phases[0]?.equivalent).toEqual({ currency: 'AKT', amount: 165000 });
  });

  test('"plus" joins two asks in different currencies', () => {
    const budget = extractBudget('## Budget\n\n- Launch: $20,000 plus 10,000 AKT for gas and incentives\n');
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 20000 }, { currency: 'AKT', amount: 10000 }]);
  });

  test('a stated total restated only in the equivalent currency is not counted twice', () => {
    const body = '## Budget\n\n- Build: ~40k USD (AKT 20,000)\n- Audit: ~10k USD (AKT 5,000)\n\nTotal: 25,000 AKT\n';
    expect(extractBudget(body).totals).toEqual([{ currency: 'USD', amount: 50000 }]);
  });
});

describe('extractBudget ignores numbers that are not asks', () => {
  test('market sizes, past grants, token prices, users, dates and percentages', () => {
    const body = [
      '## Budget', '',
      'The GPU cloud market is worth $17 billion. We received $20k last year from the Foundation.',
      'With AKT at $3.50 this is about 8,600 AKT. We have 10k users and 25% month-over-month growth since 2023-05-01.',
      '', '- Build: $30,000',
    ].join('\n');
    const budget = extractBudget(body);
    expect(budget.phases.map((p) => p.amount)).toEqual([30000]);
    expect(budget.totals).toEqual([{ currency: 'USD', amount: 30000 }]);
  });

  test('price thresholds and costs paid elsewhere outside the budget section are not asks', () => {
    const body = [
      '## Budget', '', '- Build: 20,000 USDC', '',
      '## Risks', 'If AKT falls below $2 we will ask the committee whether to pause.',
      'An external audit (~$12k quoted) is already funded by our seed round and is not part of this ask.',
    ].join('\n');
    expect(extractBudget(body).totals).toEqual([{ currency: 'USDC', amount: 20000 }]);
  });

  test('an idea with no funding request has an empty budget', () => {
    expect(extractBudget(readBody('idea-only.md'))).toEqual({ phases: [], totals: [] });
  });

  test('an hourly rate without hours is not an ask, with hours it is', () => {
    expect(extractBudget('## Budget\n\n- Our rate is $120/hour\n').totals).toEqual([]);
    expect(extractBudget('## Budget\n\n- Security review: 80 hours at $150/hour\n').totals).toEqual([{ currency: 'USD', amount: 12000 }]);
  });

  test('a rate without a duration is kept and says so', () => {
    const [phase] = extractBudget('## Budget\n\n- Community manager: $4,000 per month\n').phases;
    expect(phase).toMatchObject({ amount: 4000, description: 'per month, duration not stated' });
  });

  test('amounts in code blocks, HTML comments and outside the budget section are ignored', () => {
    const body = [
      '## About us', '- Last hackathon we handed out $5,000 in prizes', '',
      '<!-- template: Budget: $99,999 -->', '```', 'Budget: $77,777', '```',
      '## Budget', '- Phase 1: $8,000',
    ].join('\n');
    expect(extractBudget(body).totals).toEqual([{ currency: 'USD', amount: 8000 }]);
  });
});

describe('extractBudget on hostile input', () => {
  test('empty and whitespace bodies', () => {
    expect(extractBudget('')).toEqual({ phases: [], totals: [] });
    expect(extractBudget('   \n\n  ')).toEqual({ phases: [], totals: [] });
  });

  test('pathological markdown yields a bounded, well-formed result', () => {
    const nasty = `## Budget\n${'|'.repeat(20000)}\n${'$1'.repeat(20000)}\n${'('.repeat(20000)}$5${')'.repeat(20000)}\n${'- '.repeat(20000)}\n\`\`\`\n${'#'.repeat(5000)}`;
    const result = extractBudget(nasty);
    for (const phase of result.phases) {
      expect(Number.isFinite(phase.amount)).toBe(true);
      expect(phase.amount).toBeGreaterThan(0);
    }
    for (const total of result.totals) expect(Number.isFinite(total.amount)).toBe(true);
  });
});
