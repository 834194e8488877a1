import { describe, expect, test } from '@jest/globals';
import { extractBudgetHistory } from '../../sync/extract/extract-budget-history.js';
import { buildProposal } from '../fixtures/analysis/build-analysis-input.js';

const v1 = '## Budget\n\n| Phase | Budget |\n|---|---|\n| Phase 1 | $90,000 |\n| Phase 2 | $90,000 |\n\n**Total: $180,000**\n';
const v2 = v1.replace('## Budget', '## Budget\n\n_Typo fixes in the intro._');
const v3 = '## Budget\n\n| Phase | Budget |\n|---|---|\n| Phase 1 | $70,000 |\n| Phase 2 | $60,000 |\n\n**Total: $130,000**\n\n(Edited: trimmed phase 2 after committee feedback.)\n';
const v4 = `${v3}\n- Extra: 20,000 AKT for validator incentives\n`;

describe('extractBudgetHistory', () => {
  test('records the first ask and each edit that changed it, skipping edits that did not', () => {
    const proposal = buildProposal({ body: v4, createdAt: '2024-01-10T09:00:00Z', updatedAt: '2024-02-20T12:00:00Z' });
    const history = extractBudgetHistory(proposal, [
      { editedAt: '2024-01-10T09:00:00Z', editor: 'lumen-dev', body: v1 },
      { editedAt: '2024-01-12T15:30:00Z', editor: 'lumen-dev', body: v2 },
      { editedAt: '2024-02-01T08:00:00Z', editor: 'lumen-dev', body: v3 },
      { editedAt: '2024-02-20T12:00:00Z', editor: 'co-author', body: v4 },
    ]);
    expect(history).toEqual([
      { at: '2024-01-10T09:00:00Z', totals: [{ currency: 'USD', amount: 180000 }], editor: 'lumen-dev' },
      {
        at: '2024-02-01T08:00:00Z', totals: [{ currency: 'USD', amount: 130000 }], editor: 'lumen-dev',
        from: [{ currency: 'USD', amount: 180000 }], to: [{ currency: 'USD', amount: 130000 }],
      },
      {
        at: '2024-02-20T12:00:00Z', totals: [{ currency: 'USD', amount: 130000 }, { currency: 'AKT', amount: 20000 }], editor: 'co-author',
        from: [{ currency: 'USD', amount: 130000 }], to: [{ currency: 'USD', amount: 130000 }, { currency: 'AKT', amount: 20000 }],
      },
    ]);
  });

  test('without edits the current body is the only version', () => {
    const proposal = buildProposal({ body: v3, createdAt: '2024-01-10T09:00:00Z' });
    expect(extractBudgetHistory(proposal, [])).toEqual([{ at: '2024-01-10T09:00:00Z', totals: [{ currency: 'USD', amount: 130000 }], editor: 'lumen-dev' }]);
  });

  test('a current body newer than the last stored edit is appended at updatedAt', () => {
    const proposal = buildProposal({ body: v3, updatedAt: '2024-03-05T00:00:00Z' });
    const history = extractBudgetHistory(proposal, [{ editedAt: '2024-03-01T10:00:00Z', editor: null, body: v1 }]);
    expect(history.map((change) => [change.at, change.totals[0]?.amount])).toEqual([['2024-03-01T10:00:00Z', 180000], ['2024-03-05T00:00:00Z', 130000]]);
  });

  test('edits out of order are sorted by time first', () => {
    const proposal = buildProposal({ body: v3 });
    const history = extractBudgetHistory(proposal, [
      { editedAt: '2024-02-01T08:00:00Z', editor: null, body: v3 },
      { editedAt: '2024-01-10T09:00:00Z', editor: null, body: v1 },
    ]);
    expect(history.map((change) => change.totals[0]?.amount)).toEqual([180000, 130000]);
  });
});
