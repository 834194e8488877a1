import { describe, test, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { DatabaseHandle } from '../../db/database.js';
import { silentLogger } from '../../lib/logger.js';
import { runMeetingsSync, type MeetingSyncOptions } from '../../sync/run-meetings-sync.js';
import { runMatching } from '../../sync/run-matching.js';
import { safeSourceName } from '../../sync/meetings/safe-source-name.js';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { createTempGitRepo, makeTempDir, writeFiles, type TempGitRepo } from './temp-git-repo.js';
import { INCLUDE, MEETING_FILES, OTHER_FILES, PROPOSALS, STEERING_MARCH } from './meeting-fixtures.js';
import { seedProposals } from './seed-proposals.js';
import { resetDatabase } from './reset-database.js';

const MARCH = 'committee-steering/meetings/007-2024-03-14.md';
const NOVEMBER = 'sig-economics/meetings/meeting-2023-11-02.md';

async function meetingRows(handle: DatabaseHandle) {
  const rows = await handle.db
    .selectFrom('meetings')
    .select(['id', 'path', 'date', 'group_slug', 'content_hash', 'parsed_at', 'matched_at', 'removed_at', 'parse_error', 'commit'])
    .orderBy('path')
    .execute();
  return new Map(rows.map((r) => [r.path, r]));
}

describe.each(engines)('meetings sync on %s', (engine) => {
  let handle: DatabaseHandle;
  let repo: TempGitRepo;
  let dataDir: string;
  const sync = (extra: Partial<MeetingSyncOptions> = {}) =>
    runMeetingsSync({ handle, source: { repo: repo.dir, include: INCLUDE }, dataDir, log: silentLogger, ...extra });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await resetDatabase(handle);
    repo = await createTempGitRepo();
    dataDir = await makeTempDir('data');
  });
  afterEach(async () => {
    await repo.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('syncing a local git repository twice stores each meeting once and records both runs', async () => {
    const head = await repo.commit({ ...MEETING_FILES, ...OTHER_FILES });
    const first = await sync();
    expect(first).toMatchObject({ status: 'ok', commit: head, files: 4, changed: 4, parsed: 4, failed: [], removed: 0 });
    const second = await sync();
    expect(second).toMatchObject({ status: 'ok', commit: head, files: 4, changed: 0, parsed: 0, removed: 0 });

    const rows = await meetingRows(handle);
    expect([...rows.keys()]).toEqual(Object.keys(MEETING_FILES).sort());
    expect(rows.get(MARCH)).toMatchObject({ date: '2024-03-14', group_slug: 'committee-steering', commit: head, parse_error: null });
    const runs = await handle.db.selectFrom('sync_runs').selectAll().orderBy('id').execute();
    expect(runs.map((r) => [r.kind, r.source, r.status, r.changed])).toEqual([
      ['meetings', repo.dir, 'ok', 4],
      ['meetings', repo.dir, 'ok', 0],
    ]);
    const source = await handle.db.selectFrom('sources').selectAll().where('kind', '=', 'meetings').executeTakeFirstOrThrow();
    expect(source).toMatchObject({ key: repo.dir, last_commit: head });
  });

  test('changing one file re-parses and re-matches only that file', async () => {
    await seedProposals(handle, PROPOSALS);
    await repo.commit(MEETING_FILES);
    await sync();
    const firstMatch = await runMatching({ handle, log: silentLogger });
    expect(firstMatch.meetingsMatched).toBe(4);
    const before = await meetingRows(handle);

    await repo.commit({ [NOVEMBER]: MEETING_FILES[NOVEMBER]!.replace('Nothing else was discussed', 'The Lumenforge proposal came up again') });
    const second = await sync();
    expect(second).toMatchObject({ changed: 1, parsed: 1 });
    const afterSync = await meetingRows(handle);
    expect(afterSync.get(NOVEMBER)!.matched_at).toEqual(before.get(NOVEMBER)!.matched_at);
    const rematch = await runMatching({ handle, log: silentLogger });
    expect(rematch.meetingsMatched).toBe(1);

    const after = await meetingRows(handle);
    for (const [path, row] of after) {
      const old = before.get(path)!;
      if (path === NOVEMBER) {
        expect(row.parsed_at!.getTime()).toBeGreaterThan(old.parsed_at!.getTime());
        expect(row.matched_at!.getTime()).toBeGreaterThan(old.matched_at!.getTime());
        expect(row.content_hash).not.toBe(old.content_hash);
      } else {
        expect(row.parsed_at).toEqual(old.parsed_at);
        expect(row.matched_at).toEqual(old.matched_at);
      }
    }
    expect((await runMatching({ handle, log: silentLogger })).meetingsMatched).toBe(0);
  });

  test('a broken file is recorded with its error and skipped while the others are stored', async () => {
    await repo.commit({
      ...MEETING_FILES,
      'sig-economics/meetings/latin1.md': Buffer.from('# SIG Economics\n\nDate: March 3, 2024\n\nCaf\xe9 notes\n', 'latin1'),
      'sig-economics/meetings/empty.md': '   \n\n',
      'sig-economics/meetings/undated-notes.md': '# Notes\n\nWe talked about things.\n',
    });
    const result = await sync();
    expect(result.status).toBe('ok');
    expect(result.parsed).toBe(4);
    expect(result.failed.map((f) => f.path).sort()).toEqual([
      'sig-economics/meetings/empty.md',
      'sig-economics/meetings/latin1.md',
      'sig-economics/meetings/undated-notes.md',
    ]);
    const rows = await meetingRows(handle);
    expect(rows.get('sig-economics/meetings/latin1.md')!.parse_error).toMatch(/not valid UTF-8 \(first bad byte at offset \d+\)/);
    expect(rows.get('sig-economics/meetings/empty.md')!.parse_error).toMatch(/empty/);
    expect(rows.get('sig-economics/meetings/undated-notes.md')!.parse_error).toBeTruthy();
    expect(rows.get(MARCH)!.parse_error).toBeNull();

    const run = await handle.db.selectFrom('sync_runs').selectAll().where('id', '=', result.runId!).executeTakeFirstOrThrow();
    expect(run.error).toMatch(/^3 of 7 meeting file\(s\) could not be read or parsed and were skipped: /);
    expect(run.error).toContain('sig-economics/meetings/latin1.md');
    expect((run.details as { failed: { path: string }[] }).failed).toHaveLength(3);

    // A broken file is not re-read until it changes; fixing it clears the error.
    expect((await sync()).changed).toBe(0);
    await repo.commit({ 'sig-economics/meetings/latin1.md': '# SIG Economics\n\nDate: March 3, 2024\n\nCafé notes\n' });
    const fixed = await sync();
    expect(fixed).toMatchObject({ changed: 1, parsed: 1, failed: [] });
    expect((await meetingRows(handle)).get('sig-economics/meetings/latin1.md')).toMatchObject({ parse_error: null, date: '2024-03-03' });
  });

  test('a file that breaks after parsing keeps its last good parse and reports the error', async () => {
    await repo.commit(MEETING_FILES);
    await sync();
    await repo.commit({ [MARCH]: new Uint8Array([0x23, 0x20, 0xc3, 0x28, 0x0a]) });
    const result = await sync();
    expect(result.failed.map((f) => f.path)).toEqual([MARCH]);
    const row = (await meetingRows(handle)).get(MARCH)!;
    expect(row.parse_error).toMatch(/not valid UTF-8/);
    expect(row.date).toBe('2024-03-14');
    const raw = await handle.db.selectFrom('meetings').select('raw').where('path', '=', MARCH).executeTakeFirstOrThrow();
    expect(raw.raw).toBe(STEERING_MARCH);
  });

  test('a deleted file is marked removed and kept; restoring it brings it back', async () => {
    await repo.commit(MEETING_FILES);
    await sync();
    await repo.commit({ [NOVEMBER]: null });
    const result = await sync();
    expect(result).toMatchObject({ files: 3, changed: 0, removed: 1 });
    const rows = await meetingRows(handle);
    expect(rows.size).toBe(4);
    expect(rows.get(NOVEMBER)!.removed_at).toBeInstanceOf(Date);
    expect(rows.get(MARCH)!.removed_at).toBeNull();
    expect((await sync()).removed).toBe(0);

    await repo.commit({ [NOVEMBER]: MEETING_FILES[NOVEMBER]! });
    expect(await sync()).toMatchObject({ changed: 1, removed: 0 });
    expect((await meetingRows(handle)).get(NOVEMBER)!.removed_at).toBeNull();
  });

  test('a plain folder works: content hashes decide what is re-parsed', async () => {
    const folder = await makeTempDir('plain');
    try {
      await writeFiles(folder, { ...MEETING_FILES, ...OTHER_FILES });
      const source = { repo: folder, include: INCLUDE };
      const first = await runMeetingsSync({ handle, source, dataDir, log: silentLogger });
      expect(first).toMatchObject({ status: 'ok', commit: null, files: 4, changed: 4, parsed: 4 });
      expect((await runMeetingsSync({ handle, source, dataDir, log: silentLogger })).changed).toBe(0);
      await writeFiles(folder, { [MARCH]: STEERING_MARCH.replace('Meeting #7', 'Meeting #7 (corrected)') });
      await rm(join(folder, ...NOVEMBER.split('/')));
      const third = await runMeetingsSync({ handle, source, dataDir, log: silentLogger });
      expect(third).toMatchObject({ files: 3, changed: 1, removed: 1 });
      const row = await handle.db.selectFrom('meetings').select(['title', 'content_hash']).where('path', '=', MARCH).executeTakeFirstOrThrow();
      expect(row.title).toBe('Akash Network - Steering Committee - Meeting #7 (corrected)');
      expect(row.content_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('include globs pick meeting files at any depth and nothing else', async () => {
    await repo.commit({
      ...MEETING_FILES,
      ...OTHER_FILES,
      'sig-economics/meetings/2023/q4/deep-2023-12-01.md': '# SIG Economics\n\nDate: December 1, 2023\n',
      'sig-economics/meetings/.drafts/2024-01-01.md': '# Draft\n\nDate: January 1, 2024\n',
      'wg-events/meeting-2025/2025-01-09.md': '# Events\n\nDate: January 9, 2025\n',
    });
    await sync();
    expect([...(await meetingRows(handle)).keys()]).toEqual(
      [...Object.keys(MEETING_FILES), 'sig-economics/meetings/2023/q4/deep-2023-12-01.md', 'wg-events/meeting-2025/2025-01-09.md'].sort(),
    );
    const narrow = await runMeetingsSync({ handle, source: { repo: repo.dir, include: ['committee-steering/meetings/*.md'] }, dataDir, log: silentLogger });
    expect(narrow.files).toBe(1);
  });

  test('a configured branch is read, not the checked-out one', async () => {
    await repo.commit({ [MARCH]: STEERING_MARCH });
    const { git } = await import('./temp-git-repo.js');
    git(repo.dir, ['checkout', '--quiet', '-b', 'notes']);
    await repo.commit(MEETING_FILES);
    git(repo.dir, ['checkout', '--quiet', 'main']);
    const onMain = await sync();
    expect(onMain.files).toBe(1);
    const onNotes = await sync({ source: { repo: repo.dir, branch: 'notes', include: INCLUDE } });
    expect(onNotes.files).toBe(4);
    const missing = await sync({ source: { repo: repo.dir, branch: 'nope', include: INCLUDE } });
    expect(missing.status).toBe('error');
    expect(missing.error?.message).toMatch(/no branch "nope"/);
  });

  test('a git URL is fetched into DATA_DIR/meetings and fetched again on later runs', async () => {
    const first = await repo.commit(MEETING_FILES);
    const url = `file://${repo.dir}`;
    const source = { repo: url, include: INCLUDE };
    const a = await runMeetingsSync({ handle, source, dataDir, log: silentLogger });
    expect(a).toMatchObject({ status: 'ok', commit: first, files: 4, changed: 4 });
    expect(existsSync(join(dataDir, 'meetings', safeSourceName(url), 'HEAD'))).toBe(true);

    const second = await repo.commit({ [MARCH]: STEERING_MARCH + '\n- Late note: the pricing table was posted.\n' });
    const b = await runMeetingsSync({ handle, source, dataDir, log: silentLogger });
    expect(b).toMatchObject({ status: 'ok', commit: second, changed: 1 });
    const run = await handle.db.selectFrom('sync_runs').select(['source', 'requests']).where('id', '=', b.runId!).executeTakeFirstOrThrow();
    expect(run).toEqual({ source: url, requests: 1 });
  });

  test('an unreachable source fails the run with a message that says what to fix', async () => {
    const missingDir = await runMeetingsSync({ handle, source: { repo: join(dataDir, 'nowhere'), include: INCLUDE }, dataDir, log: silentLogger });
    expect(missingDir.status).toBe('error');
    expect(missingDir.error?.message).toMatch(/neither a git URL nor an existing directory.*fix "repo" in the config/);
    const badUrl = await runMeetingsSync({ handle, source: { repo: `file://${join(dataDir, 'no-repo')}`, include: INCLUDE }, dataDir, log: silentLogger });
    expect(badUrl.status).toBe('error');
    expect(badUrl.error?.message).toMatch(/^could not fetch file:\/\/.*Check the URL and branch/);
    const runs = await handle.db.selectFrom('sync_runs').select(['status', 'error']).orderBy('id').execute();
    expect(runs.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
