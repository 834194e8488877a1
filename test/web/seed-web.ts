import type { DatabaseHandle } from '../../db/database.js';
import { upsertDiscussion, type DiscussionRecord } from '../../db/queries/discussions.js';
import { upsertParsedMeeting } from '../../db/queries/meetings.js';
import { upsertSource } from '../../db/queries/sources.js';
import { insertSyncRun, finishSyncRun } from '../../db/queries/sync-runs.js';
import { loadDemoData } from '../../demo/load-demo.js';
import { DEMO_COMMITTEE } from '../../demo/demo-proposals.js';
import { silentLogger } from '../../lib/logger.js';
import type { TrackerConfig } from '../../lib/config.js';
import { createApp } from '../../server/app.js';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { runAnalysis } from '../../sync/run-analysis.js';
import { runMatching } from '../../sync/run-matching.js';

export const NOW = new Date('2026-11-20T12:00:00Z');
export const HOSTILE_NUMBER = 666;
export const HOSTILE_SOURCE = { owner: 'demo-dao', repo: 'community' };

/**
 * Payloads that each call `__xss(n)` if they ever run. Markdown, raw HTML, broken markup, entity
 * tricks and URL schemes: every one must come out inert.
 */
export const XSS_BODY = [
  '## Budget',
  'Total ask: 5,000 USD for the xsspayload project.',
  '<script>__xss(1)</script>',
  '<img src=x onerror="__xss(2)">',
  '[click me](javascript:__xss(3))',
  '<a href="javascript:__xss(4)">raw link</a>',
  '<svg onload="__xss(5)"><circle r="5"/></svg>',
  '<div <img src=x onerror=__xss(6)// unterminated',
  '<iframe srcdoc="<script>parent.__xss(7)</script>"></iframe>',
  '[data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMTApPC9zY3JpcHQ+)',
  '<a href="&#106;avascript:__xss(11)">entity link</a>',
  '![pic](x" onerror="__xss(12))',
  '[ws link]( javascript:__xss(13))',
  '<details open ontoggle="__xss(14)">x</details>',
  '<style>body{background:url("javascript:__xss(15)")}</style>',
  '`<script>__xss(16)</script>` in code stays text',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(17)>',
].join('\n\n');

export const XSS_TITLE = 'xsspayload <script>__xss(8)</script><img src=x onerror=__xss(9)> "quoted" & more';

export const XSS_MEETING = `# Hostile meeting <img src=x onerror=__xss(20)>

Date: November 2, 2026

## Notes
- xsspayload discussed <script>__xss(21)</script>
- [bad](javascript:__xss(22)) and <svg onload=__xss(23)>

## Action Items
- Mallory to <img src=x onerror=__xss(24)> fix things

## Transcript

### 00:01:00
Mallory: The xsspayload proposal <script>__xss(25)</script> is great <img src=x onerror=__xss(26)>.

### 00:02:00
Trent: I agree about xsspayload ${'<a href="javascript:__xss(27)">'}here</a>.
`;

function hostileRecord(): DiscussionRecord {
  const url = `https://github.com/demo-dao/community/discussions/${HOSTILE_NUMBER}`;
  const comment = (id: string, body: string, parent: string | null, day: number) => ({
    nodeId: id,
    databaseId: null,
    parentNodeId: parent,
    author: { login: 'mallory', type: 'User' },
    body,
    url: `${url}#discussioncomment-${id}`,
    createdAt: `2026-11-0${day}T10:00:00Z`,
    updatedAt: `2026-11-0${day}T10:00:00Z`,
    lastEditedAt: null,
    isAnswer: false,
    isMinimized: false,
    minimizedReason: null,
    upvoteCount: 0,
    deletedAt: null,
    raw: { id },
  });
  return {
    nodeId: 'HOSTILE_D',
    databaseId: null,
    number: HOSTILE_NUMBER,
    title: XSS_TITLE,
    body: XSS_BODY,
    url,
    author: { login: 'mallory', type: 'User' },
    category: { nodeId: 'DEMO_CAT_PROPOSALS', name: 'Proposals', slug: 'proposals', isAnswerable: false, raw: {} },
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-03T09:00:00Z',
    lastEditedAt: null,
    closed: false,
    closedAt: null,
    stateReason: null,
    isAnswered: null,
    answerNodeId: null,
    locked: false,
    upvoteCount: 0,
    labels: [{ name: '<b onmouseover=__xss(30)>label</b>', color: null }],
    raw: { hostile: true },
    comments: [
      comment('HC1', `xsspayload comment <script>__xss(31)</script>\n\n<img src=x onerror=__xss(32)>\n\n[x](javascript:__xss(33))`, null, 2),
      comment('HC2', `reply with <svg><script>__xss(34)</script></svg> and </p></div><script>__xss(35)</script>`, 'HC1', 3),
    ],
    edits: [],
  };
}

/** The demo dataset plus one hostile proposal, comment thread and meeting; analysed and matched. */
export async function seedWebData(handle: DatabaseHandle): Promise<void> {
  await loadDemoData(handle, silentLogger, NOW);
  const source = await upsertSource(handle.db, 'discussions', 'demo-dao/community');
  await upsertDiscussion(handle.db, source.id, hostileRecord(), NOW);
  const meetings = await upsertSource(handle.db, 'meetings', 'demo:meeting-notes');
  const path = 'sig-chaos/meetings/2026-11-02.md';
  await upsertParsedMeeting(handle.db, meetings.id, { path, contentHash: 'hostile', commit: null }, parseMeeting(path, XSS_MEETING), NOW);
  const run = await insertSyncRun(handle.db, { sourceId: source.id, source: 'demo-dao/community', kind: 'discussions', mode: 'full', startedAt: new Date(NOW.getTime() - 60_000) });
  await finishSyncRun(handle.db, run, { status: 'error', requests: 3, cost: 3, changed: 0, error: 'GitHub said <script>__xss(40)</script>: bad credentials' });
  await runMatching({ handle, log: silentLogger });
  await runAnalysis({ handle, committee: DEMO_COMMITTEE, log: silentLogger, now: NOW });
}

export const TEST_CONFIG: TrackerConfig = { discussions: [], meetings: [], committee: [...DEMO_COMMITTEE.map((m) => ({ ...m }))], syncIntervalMinutes: 15, fullSyncIntervalHours: 24 };

export function createTestApp(handle: DatabaseHandle, options: { demo?: boolean; notices?: string[] } = {}) {
  return createApp({ handle, config: TEST_CONFIG, log: silentLogger, demo: options.demo ?? true, notices: options.notices ?? [] });
}
