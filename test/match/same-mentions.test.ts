import { describe, test, expect } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { buildProposalIndex } from '../../sync/match/build-proposal-index.js';
import { matchMeeting } from '../../sync/match/match-meeting.js';
import type { ProposalForMatching } from '../../sync/match/types.js';

// Guards speed work on the matcher: every mention found in the fixture meetings, and in a seeded set of invented
// meetings full of names, garbled names, cues and links, must stay exactly as recorded in the snapshot.
const fixtures = fileURLToPath(new URL('../fixtures/meetings/', import.meta.url));
const proposals = JSON.parse(readFileSync(join(fixtures, 'proposals.json'), 'utf8')) as ProposalForMatching[];

function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listMarkdown(path);
      return name.endsWith('.md') ? [path] : [];
    });
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  'Nebulon', 'nebu lon', 'Sky Harbor', 'sky harbour', 'Builder Quests', 'Questly', 'quest Lee', 'events', 'Q3 events',
  'community events', 'hackathon', 'AEP-12', 'Aep 12', 'AP7', 'proposal 245', 'prop #245', 'Relay Upgrade', 'validator tooling',
  'Support desk', 'the second builder quests', 'PIP', 'Nebulon team', 'sky', 'harbor', '2024', '2025',
];
const FILLER = 'we talked about the budget and the vote on chain then the team shipped a release next week funding proposal update'.split(' ');

function inventMeeting(i: number, rand: () => number): { path: string; text: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const sentence = (): string => {
    const words = Array.from({ length: 6 + Math.floor(rand() * 10) }, () => pick(FILLER));
    words.splice(Math.floor(rand() * words.length), 0, pick(PHRASES));
    if (rand() < 0.15) words.push(`https://github.com/akash-network/community/discussions/${pick(proposals).number}`);
    return words.join(' ') + '.';
  };
  const date = `${2023 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
  const lines = [`# SIG Invented - Meeting #${i}`, '', '## Agenda', `- ${pick(PHRASES)} update`, '', '## Notes', ''];
  for (let s = 0; s < 6; s++) lines.push(`- ${sentence()}`);
  lines.push('', '# Transcript', '', '### 00:01:00', '');
  for (let s = 0; s < 6; s++) lines.push(`${pick(['Quill Ferreira', 'Noor Haddad', 'Dana Okafor'])}: ${sentence()} ${sentence()}`, '');
  return { path: `sig-invented/meetings/${String(i).padStart(3, '0')}-${date}.md`, text: lines.join('\n') };
}

describe('mentions stay the same', () => {
  test('fixture meetings', () => {
    const index = buildProposalIndex(proposals);
    const found = listMarkdown(fixtures).flatMap((path) => {
      const rel = relative(fixtures, path);
      const text = readFileSync(path, 'utf8');
      let meeting;
      try {
        meeting = parseMeeting(rel, text);
      } catch {
        return [];
      }
      return matchMeeting(meeting, index).map((m) => ({ file: rel, ...m }));
    });
    expect(found.length).toBeGreaterThan(10);
    expect(found).toMatchSnapshot();
  });

  test('invented meetings', () => {
    const index = buildProposalIndex(proposals, { firstLinkedAt: { 320: '2024-01-15', 321: '2024-07-20' } });
    const rand = seeded(7);
    const found = Array.from({ length: 60 }, (_, i) => inventMeeting(i, rand)).flatMap((f) =>
      matchMeeting(parseMeeting(f.path, f.text), index).map((m) => [f.path, m.proposalNumber, m.kind, m.confidence, m.span[0], m.span[1], m.matchedText, m.heading, m.speaker, m.timestamp].join(' | ')),
    );
    expect(new Set(found.map((line) => line.split(' | ')[2])).size).toBeGreaterThanOrEqual(4);
    expect(found).toMatchSnapshot();
  });
});
