import { describe, test, expect } from '@jest/globals';
import { compileIncludeGlobs } from '../../sync/meetings/compile-include-globs.js';
import { decodeLenient, decodeMeetingText, MAX_MEETING_FILE_BYTES } from '../../sync/meetings/decode-meeting-text.js';
import { safeSourceName } from '../../sync/meetings/safe-source-name.js';
import { isGitUrl, redactUrl } from '../../sync/meetings/fetch-git-source.js';
import { buildMatchingInputs, proposalKey } from '../../sync/meetings/build-matching-inputs.js';
import { MATCHER_VERSION } from '../../sync/match/match-meeting.js';

describe('compileIncludeGlobs', () => {
  const include = compileIncludeGlobs(['committee-steering/meetings/**/*.md', 'sig-*/meetings/*.md', './wg-*/meeting*/**/*.md']);
  test.each([
    ['committee-steering/meetings/019-2024-08-29.md', true],
    ['committee-steering/meetings/2024/q3/019.md', true],
    ['sig-economics/meetings/012.md', true],
    ['wg-events/meetings-2023/2023-05-04.md', true],
    ['wg-events/meeting-2025/a/b.md', true],
    ['sig-economics/meetings/2023/012.md', false],
    ['committee-steering/meetings/notes.txt', false],
    ['committee-steering/README.md', false],
    ['committee-steering/meetings/.hidden/x.md', false],
    ['other/committee-steering/meetings/x.md', false],
  ])('%s → %s', (path, expected) => {
    expect(include(path)).toBe(expected);
  });
});

describe('decodeMeetingText', () => {
  test('keeps UTF-8 text and drops a byte order mark', () => {
    expect(decodeMeetingText(Buffer.from('\uFEFF# Café ✓\n', 'utf8'))).toBe('# Café ✓\n');
  });
  test('names the offset of the first byte that is not UTF-8', () => {
    expect(() => decodeMeetingText(Buffer.from([0x23, 0x20, 0x41, 0xe9, 0x42]))).toThrow(/not valid UTF-8 \(first bad byte at offset 3\)/);
  });
  test('a truncated multi-byte sequence at the end is reported too', () => {
    expect(() => decodeMeetingText(Buffer.from([0x41, 0xe2, 0x9c]))).toThrow(/offset 1/);
  });
  test('refuses files over the size limit', () => {
    expect(() => decodeMeetingText(new Uint8Array(MAX_MEETING_FILE_BYTES + 1))).toThrow(/more than the \d+ bytes/);
  });
  test('the lenient decoding keeps what it can and replaces NUL for storage', () => {
    expect(decodeLenient(Buffer.from([0x41, 0xff, 0x00, 0x42]))).toBe('A\uFFFD\uFFFDB');
  });
});

describe('safeSourceName and isGitUrl', () => {
  test('cache names are readable, safe and distinct per repo string', () => {
    const a = safeSourceName('https://github.com/akash-network/community.git');
    expect(a).toMatch(/^github\.com-akash-network-community-[0-9a-f]{10}$/);
    expect(safeSourceName('https://github.com/akash-network/community')).not.toBe(a);
    expect(safeSourceName('../../../etc/passwd')).toMatch(/^etc-passwd-[0-9a-f]{10}$/);
    expect(safeSourceName('///')).toMatch(/^source-[0-9a-f]{10}$/);
  });
  test.each([
    ['https://github.com/a/b.git', true],
    ['file:///srv/notes', true],
    ['git@github.com:a/b.git', true],
    ['ssh://git@host/a/b', true],
    ['./notes', false],
    ['/srv/notes', false],
    ['C:\\notes', false],
  ])('isGitUrl(%s) is %s', (repo, expected) => {
    expect(isGitUrl(repo)).toBe(expected);
  });
});

describe('buildMatchingInputs', () => {
  const at = new Date('2024-01-02T03:04:05Z');
  const rows = {
    discussions: [
      { id: 7, sourceKey: 'akash-network/community', number: 12, title: 'Validator Dashboards', body: 'Dashboards for validators.', createdAt: at, url: 'u12' },
      { id: 3, sourceKey: 'akash-network/community', number: 9, title: 'Zeta Bridge', body: 'Submitted as on-chain proposal #231.', createdAt: at, url: 'u9' },
      { id: 5, sourceKey: 'other/repo', number: 9, title: 'Something Else', body: '', createdAt: at, url: 'o9' },
    ],
    chainComments: [{ discussionId: 7, body: 'Now live: https://www.mintscan.io/akash/proposals/245 please vote' }],
  };

  test('groups proposals per repository, keeps ids per owner/repo#number, and reads on-chain numbers from body and comments', () => {
    const inputs = buildMatchingInputs(rows);
    expect(inputs.groups.map((g) => [g.sourceKey, g.proposals.map((p) => p.number)])).toEqual([
      ['akash-network/community', [9, 12]],
      ['other/repo', [9]],
    ]);
    const community = inputs.groups[0]!.proposals;
    expect(community[0]).toMatchObject({ owner: 'akash-network', repo: 'community', onchain: [231], createdAt: '2024-01-02T03:04:05.000Z' });
    expect(community[1]).toMatchObject({ onchain: [245] });
    expect(inputs.discussionIds.get(proposalKey('Akash-Network', 'Community', 9))).toBe(3);
    expect(inputs.discussionIds.get(proposalKey('other', 'repo', 9))).toBe(5);
  });

  test('the hash ignores row order and changes with any input the matcher reads', () => {
    const base = buildMatchingInputs(rows).hash;
    expect(buildMatchingInputs({ ...rows, discussions: [...rows.discussions].reverse() }).hash).toBe(base);
    const retitled = rows.discussions.map((d) => (d.id === 7 ? { ...d, title: 'Validator Dashboards v2' } : d));
    expect(buildMatchingInputs({ ...rows, discussions: retitled }).hash).not.toBe(base);
    expect(buildMatchingInputs({ ...rows, chainComments: [] }).hash).not.toBe(base);
    expect(buildMatchingInputs({ ...rows, discussions: rows.discussions.slice(1) }).hash).not.toBe(base);
    // A new matcher version re-matches every meeting after an upgrade.
    expect(buildMatchingInputs(rows, MATCHER_VERSION + 1).hash).not.toBe(base);
    expect(buildMatchingInputs(rows, MATCHER_VERSION).hash).toBe(base);
  });
});

describe('decodeMeetingText agrees with the platform decoder on what is invalid', () => {
  test.each([
    [[0xc0, 0xaf], 0],
    [[0x41, 0xed, 0xa0, 0x80], 1],
    [[0x41, 0x42, 0xf4, 0x90, 0x80, 0x80], 2],
    [[0xe2, 0x9c, 0x93, 0xff], 3],
  ])('%j fails at offset %i', (bytes, offset) => {
    expect(() => decodeMeetingText(Uint8Array.from(bytes))).toThrow(new RegExp(`offset ${offset}\\)`));
  });
});

describe('redactUrl', () => {
  test.each([
    ['could not fetch https://bot:ghp_secret123@github.com/a/b.git: denied', 'could not fetch https://bot:***@github.com/a/b.git: denied'],
    ['https://ghp_tokenonly@github.com/a/b.git', 'https://***@github.com/a/b.git'],
    ['ssh://git@host/a/b', 'ssh://git@host/a/b'],
    ['https://github.com/a/b.git', 'https://github.com/a/b.git'],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});
