import type { DatabaseHandle } from '../db/database.js';
import type { MeetingSourceConfig } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { listStoredMeetingFiles, markMeetingsRemoved, recordMeetingFailure, upsertParsedMeeting } from '../db/queries/meetings.js';
import { updateSource, upsertSource } from '../db/queries/sources.js';
import { redactUrl } from './meetings/fetch-git-source.js';
import { finishSyncRun, insertSyncRun, markInterruptedRuns } from '../db/queries/sync-runs.js';
import { parseMeeting } from './parse/parse-meeting.js';
import { decodeLenient, decodeMeetingText, MAX_MEETING_FILE_BYTES } from './meetings/decode-meeting-text.js';
import { openMeetingSource, type MeetingSnapshot, type SnapshotFile } from './meetings/open-meeting-source.js';
import { withSourceLock } from './source-lock.js';

export interface MeetingSyncOptions {
  handle: DatabaseHandle;
  source: MeetingSourceConfig;
  /** Where git sources are cached (`DATA_DIR/meetings/<safe-name>`). */
  dataDir: string;
  log: Logger;
  /** 'full' re-reads and re-parses every file, changed or not. */
  mode?: 'incremental' | 'full';
  /** Relative local directories are resolved against this. */
  cwd?: string;
  /** Files read from git or disk per batch (bounds memory). */
  batchSize?: number;
}

export interface MeetingFileFailure {
  path: string;
  error: string;
}

export interface MeetingSyncResult {
  source: string;
  status: 'ok' | 'error' | 'skipped';
  mode: 'incremental' | 'full';
  runId: number | null;
  commit: string | null;
  /** Meeting files in the source that match the include globs. */
  files: number;
  /** Files read and parsed again (failures included). */
  changed: number;
  /** Files parsed successfully in this run. */
  parsed: number;
  failed: MeetingFileFailure[];
  removed: number;
  error: Error | null;
}

function describeFailures(failed: MeetingFileFailure[], files: number): string | null {
  if (!failed.length) return null;
  const shown = failed.slice(0, 5).map((f) => `${f.path} (${f.error})`).join('; ');
  const more = failed.length > 5 ? `; and ${failed.length - 5} more (see the run's details)` : '';
  return `${failed.length} of ${files} meeting file(s) could not be read or parsed and were skipped: ${shown}${more}`;
}

/**
 * One pass over one meetings source: lists its files (fetching a git URL first), re-reads only those whose
 * content hash differs from the stored one (all of them in 'full' mode), stores each parse or failure, and marks
 * stored files that are gone. Re-parsed meetings are left unmatched for `runMatching`.
 */
export async function runMeetingsSync(options: MeetingSyncOptions): Promise<MeetingSyncResult> {
  const { handle, source: config, log } = options;
  const db = handle.db;
  // Stored and shown as the source's name: never with a token that the configured URL may carry.
  const key = redactUrl(config.repo);
  const mode = options.mode ?? 'incremental';
  const base = { source: key, mode, commit: null, files: 0, changed: 0, parsed: 0, failed: [], removed: 0 };
  const locked = await withSourceLock(handle, `meetings:${key}`, async (): Promise<MeetingSyncResult> => {
    const source = await upsertSource(db, 'meetings', key);
    await markInterruptedRuns(db, source.id);
    const runId = await insertSyncRun(db, { sourceId: source.id, source: key, kind: 'meetings', mode, startedAt: new Date() });
    const started = Date.now();
    let snapshot: MeetingSnapshot;
    try {
      snapshot = await openMeetingSource(config, { dataDir: options.dataDir, ...(options.cwd ? { cwd: options.cwd } : {}) });
    } catch (error) {
      const err = error as Error;
      await finishSyncRun(db, runId, { status: 'error', requests: 0, cost: 0, changed: 0, error: err.message });
      log.error({ source: key, err }, 'meetings source could not be opened');
      return { ...base, status: 'error', runId, error: err };
    }
    const requests = snapshot.kind === 'git-remote' ? 1 : 0;
    try {
      const outcome = await storeSnapshot(options, source.id, snapshot, mode);
      const at = new Date();
      const present = new Set(snapshot.files.map((f) => f.path));
      const stored = await listStoredMeetingFiles(db, source.id);
      const gone = stored.filter((s) => !s.removed && !present.has(s.path)).map((s) => s.path);
      const removed = await markMeetingsRemoved(db, source.id, gone, at);
      await updateSource(db, source.id, { last_commit: snapshot.commit });
      const error = describeFailures(outcome.failed, snapshot.files.length);
      const details = { commit: snapshot.commit, kind: snapshot.kind, files: snapshot.files.length, parsed: outcome.parsed, removed, failed: outcome.failed };
      await finishSyncRun(db, runId, { status: 'ok', requests, cost: 0, changed: outcome.changed, error, details });
      const summary = { source: key, mode, commit: snapshot.commit, files: snapshot.files.length, changed: outcome.changed, failed: outcome.failed.length, removed, ms: Date.now() - started };
      log.info(summary, 'meetings sync finished');
      if (outcome.failed.length) log.warn({ source: key, failed: outcome.failed }, 'some meeting files could not be read or parsed and were skipped');
      return { source: key, status: 'ok', mode, runId, commit: snapshot.commit, files: snapshot.files.length, ...outcome, removed, error: null };
    } catch (error) {
      const err = error as Error;
      await finishSyncRun(db, runId, { status: 'error', requests, cost: 0, changed: 0, error: err.message });
      log.error({ source: key, err }, 'meetings sync failed');
      return { ...base, status: 'error', runId, commit: snapshot.commit, files: snapshot.files.length, error: err };
    }
  });
  if (!locked) return { ...base, status: 'skipped', runId: null, error: new Error(`another sync of ${key} is running; this one was skipped`) };
  return locked.value;
}

async function storeSnapshot(
  options: MeetingSyncOptions,
  sourceId: number,
  snapshot: MeetingSnapshot,
  mode: 'incremental' | 'full',
): Promise<{ changed: number; parsed: number; failed: MeetingFileFailure[] }> {
  const db = options.handle.db;
  const stored = new Map((await listStoredMeetingFiles(db, sourceId)).map((s) => [s.path, s]));
  const due = snapshot.files.filter((f) => {
    const s = stored.get(f.path);
    return mode === 'full' || !s || s.removed || s.contentHash !== f.hash;
  });
  const failed: MeetingFileFailure[] = [];
  let parsed = 0;
  const batchSize = options.batchSize ?? 200;
  for (let i = 0; i < due.length; i += batchSize) {
    const batch = due.slice(i, i + batchSize);
    const contents = await snapshot.read(batch.filter((f) => f.size <= MAX_MEETING_FILE_BYTES).map((f) => f.path));
    for (const file of batch) {
      const outcome = await storeFile(options, sourceId, snapshot.commit, file, contents.get(file.path));
      if (outcome === null) parsed++;
      else failed.push({ path: file.path, error: outcome });
    }
  }
  return { changed: due.length, parsed, failed };
}

/** Parses and stores one file; returns null on success, else the error that was recorded for it. */
async function storeFile(
  options: MeetingSyncOptions,
  sourceId: number,
  commit: string | null,
  file: SnapshotFile,
  content: Buffer | Error | undefined,
): Promise<string | null> {
  const db = options.handle.db;
  const at = new Date();
  const ref = { path: file.path, contentHash: file.hash, commit };
  const fail = async (message: string, rawText: string | null): Promise<string> => {
    await recordMeetingFailure(db, sourceId, ref, message, rawText, at);
    return message;
  };
  if (file.size > MAX_MEETING_FILE_BYTES) return fail(`the file is ${file.size} bytes, more than the ${MAX_MEETING_FILE_BYTES} bytes a meeting file may have`, null);
  if (content === undefined) return fail('the file could not be read', null);
  if (content instanceof Error) return fail(content.message, null);
  let text: string;
  try {
    text = decodeMeetingText(content);
  } catch (error) {
    return fail((error as Error).message, decodeLenient(content));
  }
  let meeting;
  try {
    meeting = parseMeeting(file.path, text);
  } catch (error) {
    const message = (error as Error).message;
    const own = message.startsWith(`${file.path}: `) ? message.slice(file.path.length + 2) : message;
    return fail(error instanceof Error && error.name === 'MeetingParseError' ? own : `the parser failed: ${own}`, text.replace(/\u0000/g, '\uFFFD'));
  }
  try {
    await upsertParsedMeeting(db, sourceId, ref, meeting, at);
  } catch (error) {
    return fail(`the parsed meeting could not be stored: ${(error as Error).message}`, text.replace(/\u0000/g, '\uFFFD'));
  }
  return null;
}
