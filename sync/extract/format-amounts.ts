import type { CurrencyAmount } from './types.js';

/** "USD 130,000 + AKT 50,000", or "nothing" for an empty list. */
export function formatAmounts(amounts: readonly CurrencyAmount[]): string {
  if (amounts.length === 0) return 'nothing';
  return amounts.map(({ currency, amount }) => `${currency} ${amount.toLocaleString('en-US')}`).join(' + ');
}
