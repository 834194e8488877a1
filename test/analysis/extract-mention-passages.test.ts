import { describe, test, expect } from '@jest/globals';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { extractMentionPassages } from '../../sync/analysis/extract-mention-passages.js';

const notes = `# SIG Example Meeting #4

Date: March 3, 2025

## Funding proposals

- Nadia presented the Orchard Indexer proposal and asked for feedback on phase 2.
  - Committee asked for a cost breakdown.
- Bruno gave an update on the Lantern Docs translation work.

## Orchard Indexer demo

Short demo of the query API. Questions about hosting costs.

## Transcript

### 00:10:00

Nadia Perez: The Orchard Indexer has three phases.

Marta Lind: What does phase two cost per month?

Nadia Perez: About four thousand dollars.

### 00:20:00

Bruno Costa: Lantern Docs now covers five languages.
`;

function spanOf(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  return { start, end: start + needle.length };
}

describe('extractMentionPassages', () => {
  const meeting = parseMeeting('sig-example/meetings/004-2025-03-03.md', notes);

  test('a mention in a bullet of a mixed section brings that bullet and its children, not the neighbours', () => {
    const passages = extractMentionPassages(meeting, [spanOf(notes, 'Orchard Indexer proposal')]);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ kind: 'note', heading: 'Funding proposals' });
    expect(passages[0]!.text).toContain('cost breakdown');
    expect(passages[0]!.text).not.toContain('Lantern');
  });

  test('a mention in a heading brings the whole short section', () => {
    const passages = extractMentionPassages(meeting, [spanOf(notes, 'Orchard Indexer demo')]);
    expect(passages).toEqual([expect.objectContaining({ kind: 'note', heading: 'Orchard Indexer demo', text: expect.stringContaining('hosting costs') })]);
  });

  test('a transcript mention brings the turn and the answers that follow it, up to the next block after a few turns', () => {
    const passages = extractMentionPassages(meeting, [spanOf(notes, 'Orchard Indexer has three')]);
    expect(passages.map((p) => [p.speaker, p.timestamp])).toEqual([
      ['Nadia Perez', '00:10:00'],
      ['Marta Lind', '00:10:00'],
      ['Nadia Perez', '00:10:00'],
    ]);
    expect(passages[1]!.text).toBe('What does phase two cost per month?');
  });
});
