import { describe, expect, test } from '@jest/globals';
import { quotedExcerpt } from '../../server/presenters/view-helpers.js';

describe('quotedExcerpt', () => {
  test('drops a list marker and emphasis from a note line', () => {
    expect(quotedExcerpt('- **Relay rewards:** the pilot goes on chain next week.')).toBe('Relay rewards: the pilot goes on chain next week.');
    expect(quotedExcerpt('### Hackathon Updates')).toBe('Hackathon Updates');
    expect(quotedExcerpt('2. Nebulon asked for a second phase')).toBe('Nebulon asked for a second phase');
  });

  test('drops the speaker label shown beside the quote, also after a cut', () => {
    expect(quotedExcerpt('Orla Brennan: Quick update on Lumen Explorer.', 'Orla Brennan')).toBe('Quick update on Lumen Explorer.');
    expect(quotedExcerpt('**Orla Brennan:** Quick update.', 'Orla Brennan')).toBe('Quick update.');
    expect(quotedExcerpt('…Orla Brennan: the indexer runs…', 'Orla Brennan')).toBe('…the indexer runs…');
  });

  test('keeps a name that is not the speaker label, and text that only looks like markdown inside', () => {
    expect(quotedExcerpt('Orla Brennan: hello', 'Dev Okafor')).toBe('Orla Brennan: hello');
    expect(quotedExcerpt('costs 5 - 10 AKT per lease')).toBe('costs 5 - 10 AKT per lease');
  });
});
