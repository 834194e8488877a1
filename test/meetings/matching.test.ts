import { describe, test, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import { rm } from 'node:fs/promises';
import type { DatabaseHandle } from '../../db/database.js';
import { silentLogger } from '../../lib/logger.js';
import { replaceMeetingMentions } from '../../db/queries/mentions.js';
import { listMeetingsToMatch } from '../../db/queries/meetings.js';
import { markDiscussionRemoved } from '../../db/queries/discussions.js';
import { runMeetingsSync } from '../../sync/run-meetings-sync.js';
import { runMatching } from '../../sync/run-matching.js';
import { runAllSources } from '../../sync/run-all-sources.js';
import { parseTrackerConfig } from '../../lib/config.js';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { createTempGitRepo, makeTempDir, type TempGitRepo } from './temp-git-repo.js';
import { INCLUDE, MEETING_FILES, PROPOSALS } from './meeting-fixtures.js';
import { seedProposals } from './seed-proposals.js';
import { resetDatabase } from './reset-database.js';

async function mentionPairs(handle: DatabaseHandle): Promise<string[]> {
  const rows = await handle.db
    .selectFrom('meeting_mentions as mm')
    .innerJoin('meetings as m', 'm.id', 'mm.meeting_id')
    .innerJoin('discussions as d', 'd.id', 'mm.discussion_id')
    .select(['m.path', 'd.number', 'mm.kind'])
    .orderBy('m.path')
    .orderBy('mm.span_start')
    .execute();
  return rows.map((r) => `${r.path} #${r.number} ${r.kind}`);
}

describe.each(engines)('matching on %s', (engine) => {
  let handle: DatabaseHandle;
  let repo: TempGitRepo;
  let dataDir: string;

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
    await repo.commit(MEETING_FILES);
    await runMeetingsSync({ handle, source: { repo: repo.dir, include: INCLUDE }, dataDir, log: silentLogger });
  });
  afterEach(async () => {
    await repo.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a change to the proposals re-matches every meeting; no change re-matches none', async () => {
    const empty = await runMatching({ handle, log: silentLogger });
    expect(empty).toMatchObject({ proposals: 0, meetingsMatched: 4, mentions: 0 });
    await seedProposals(handle, PROPOSALS);
    const seeded = await runMatching({ handle, log: silentLogger });
    expect(seeded.meetingsMatched).toBe(4);
    expect(seeded.inputsHash).not.toBe(empty.inputsHash);
    const pairs = await mentionPairs(handle);
    expect(pairs).toEqual(expect.arrayContaining([
      'committee-steering/meetings/007-2024-03-14.md #41 link',
      'sig-economics/meetings/meeting-2023-11-02.md #60 aep',
      'wg-events/meetings-2024/2024-05-09.md #52 link',
    ]));
    expect(await runMatching({ handle, log: silentLogger })).toMatchObject({ meetingsMatched: 0, inputsHash: seeded.inputsHash });

    // Deterministic: a forced full pass stores exactly the same mentions.
    expect((await runMatching({ handle, log: silentLogger, full: true })).meetingsMatched).toBe(4);
    expect(await mentionPairs(handle)).toEqual(pairs);

    const discussion = await handle.db.selectFrom('discussions').select('id').where('number', '=', 60).executeTakeFirstOrThrow();
    await handle.db.transaction().execute((trx) => markDiscussionRemoved(trx, discussion.id, 'deleted_or_transferred', new Date()));
    expect((await runMatching({ handle, log: silentLogger })).meetingsMatched).toBe(4);
    const after = await mentionPairs(handle);
    expect(after.some((p) => p.includes('#60'))).toBe(false);
    const links41 = (list: string[]) => list.filter((p) => p.endsWith('#41 link'));
    expect(links41(after)).toEqual(links41(pairs));
    expect(links41(after)).toHaveLength(2);
  });

  test('a match computed before a re-parse is not stored over the newer parse', async () => {
    await seedProposals(handle, PROPOSALS);
    const [stale] = await listMeetingsToMatch(handle.db, 'inputs-v1', 0, 1);
    await handle.db.updateTable('meetings').set({ parsed_at: new Date(Date.now() + 1000), matched_inputs: null }).where('id', '=', stale!.id).execute();
    const discussion = await handle.db.selectFrom('discussions').select('id').where('number', '=', 41).executeTakeFirstOrThrow();
    const mention = { discussionId: discussion.id, kind: 'link' as const, confidence: 1, heading: null, speaker: null, timestamp: null, excerpt: 'x', matchedText: 'x', spanStart: 0, spanEnd: 1 };
    const stored = await handle.db.transaction().execute((trx) => replaceMeetingMentions(trx, stale!, [mention], 'inputs-v1', new Date()));
    expect(stored).toBe(false);
    expect(await handle.db.selectFrom('meeting_mentions').selectAll().where('meeting_id', '=', stale!.id).execute()).toEqual([]);
  });

  test('two syncs of one source at once: the second is skipped, not run twice', async () => {
    const source = { repo: repo.dir, include: INCLUDE };
    const [a, b] = await Promise.all([
      runMeetingsSync({ handle, source, dataDir, log: silentLogger }),
      runMeetingsSync({ handle, source, dataDir, log: silentLogger }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['ok', 'skipped']);
    expect((a.status === 'skipped' ? a : b).error?.message).toMatch(/another sync of .* is running/);
  });

  test('runAllSources syncs meeting sources and then matches', async () => {
    await seedProposals(handle, PROPOSALS);
    await repo.commit({ 'committee-steering/meetings/009-2024-06-13.md': '# Steering Committee Meeting #9\n\nDate: June 13, 2024\n\n- AEP-17 is done.\n' });
    const config = parseTrackerConfig({ meetings: [{ repo: repo.dir, include: INCLUDE }] });
    const result = await runAllSources({ handle, config, settings: { githubToken: undefined, githubApiUrl: 'http://127.0.0.1:1', dataDir }, log: silentLogger });
    expect(result.discussions).toEqual([]);
    expect(result.meetings).toHaveLength(1);
    expect(result.meetings[0]).toMatchObject({ status: 'ok', changed: 1, files: 5 });
    expect(result.matching).toMatchObject({ status: 'ok', proposals: 3, meetingsMatched: 5 });
    expect(await mentionPairs(handle)).toContain('committee-steering/meetings/009-2024-06-13.md #60 aep');

    await expect(runAllSources({ handle, config, settings: { githubToken: undefined, githubApiUrl: 'http://127.0.0.1:1', dataDir }, log: silentLogger, only: 'nobody/nothing' })).rejects.toThrow(
      /nobody\/nothing is not a configured discussions or meetings source/,
    );
  });
});
