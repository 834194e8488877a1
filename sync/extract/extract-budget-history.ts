import { extractBudget } from './extract-budget.js';
import type { BodyEditInput, BudgetChange, CurrencyAmount, ProposalInput } from './types.js';

interface BodyVersion {
  at: string;
  editor: string | null;
  body: string;
}

function sameTotals(a: readonly CurrencyAmount[], b: readonly CurrencyAmount[]): boolean {
  const key = (totals: readonly CurrencyAmount[]) =>
    totals.map(({ currency, amount }) => `${currency}:${amount}`).sort().join(',');
  return key(a) === key(b);
}

/** Every body version in time order; the current body closes the list when the edits do not end with it. */
export function listBodyVersions(proposal: ProposalInput, edits: readonly BodyEditInput[]): BodyVersion[] {
  const versions: BodyVersion[] = [...edits]
    .sort((a, b) => Date.parse(a.editedAt) - Date.parse(b.editedAt))
    .map((edit) => ({ at: edit.editedAt, editor: edit.editor, body: edit.body ?? '' }));
  const last = versions[versions.length - 1];
  if (!last) return [{ at: proposal.createdAt, editor: proposal.author, body: proposal.body }];
  if (last.body !== proposal.body) versions.push({ at: proposal.updatedAt, editor: null, body: proposal.body });
  return versions;
}

/**
 * The ask over time: the first version's totals, then one entry for each edit that changed them,
 * with `from` and `to`. Versions whose totals did not change are skipped.
 */
export function extractBudgetHistory(proposal: ProposalInput, edits: readonly BodyEditInput[]): BudgetChange[] {
  const history: BudgetChange[] = [];
  let previous: CurrencyAmount[] | null = null;
  for (const version of listBodyVersions(proposal, edits)) {
    const { totals } = extractBudget(version.body);
    if (previous === null) history.push({ at: version.at, totals, editor: version.editor });
    else if (!sameTotals(previous, totals)) {
      history.push({ at: version.at, totals, from: previous, to: totals, editor: version.editor });
    }
    previous = totals;
  }
  return history;
}
