import { describe, test, expect } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadSettings, loadTrackerConfig, parseTrackerConfig } from '../../lib/config.js';

describe('tracker.config.json', () => {
  test('the shipped Akash config is valid', async () => {
    const config = await loadTrackerConfig(join(process.cwd(), 'tracker.config.json'));
    expect(config.discussions).toEqual([{ owner: 'akash-network', repo: 'community' }]);
    expect(config.meetings[0]!.include.length).toBeGreaterThan(0);
    expect(config.committee.map((m) => m.name)).toContain('Anil Murty');
  });

  test('an empty object is a valid config with defaults', () => {
    expect(parseTrackerConfig({})).toEqual({ discussions: [], meetings: [], committee: [], syncIntervalMinutes: 15, fullSyncIntervalHours: 24 });
  });

  test('every problem is reported at once, naming the key and how to fix it', () => {
    let error: ConfigError | undefined;
    try {
      parseTrackerConfig({
        discussions: [{ owner: 'akash network', repo: 'community', categories: [] }, { repo: 'x' }],
        meetings: [{ repo: '', include: [] }],
        committee: [{ login: 'x' }],
        syncIntervalMinutes: 0,
        extra: true,
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    expect(error!.problems.length).toBeGreaterThanOrEqual(7);
    expect(text).toContain('discussions[0].owner: must be a GitHub name');
    expect(text).toContain('discussions[0].categories: must list at least one category, or be left out');
    expect(text).toContain('discussions[1].owner: expected string, but it is missing');
    expect(text).toContain('meetings[0].repo: must be a git URL');
    expect(text).toContain('meetings[0].include: must list at least one glob');
    expect(text).toContain('committee[0].name: expected string, but it is missing');
    expect(text).toContain('syncIntervalMinutes: must be at least 1');
    expect(text).toContain('unknown key(s) "extra"');
  });

  test('a repository listed twice is reported', () => {
    expect(() => parseTrackerConfig({ discussions: [{ owner: 'a', repo: 'b' }, { owner: 'A', repo: 'B' }] })).toThrow(/discussions\[1\]: a\/b is listed twice/i);
  });

  test('missing files and broken JSON give one clear problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-config-'));
    await expect(loadTrackerConfig(join(dir, 'nope.json'))).rejects.toThrow(/does not exist: create it .* or set TRACKER_CONFIG/);
    await writeFile(join(dir, 'bad.json'), '{ "discussions": [ }');
    await expect(loadTrackerConfig(join(dir, 'bad.json'))).rejects.toThrow(/is not valid JSON/);
  });
});

describe('environment', () => {
  test('defaults follow CONTRACT.md', () => {
    expect(loadSettings({})).toEqual({
      databaseUrl: undefined,
      dataDir: './data',
      githubToken: undefined,
      githubApiUrl: 'https://api.github.com',
      port: 3000,
      configPath: './tracker.config.json',
      logLevel: 'info',
    });
  });

  test('bad values are named, and empty strings count as unset', () => {
    expect(() => loadSettings({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(/DATABASE_URL: must be a PostgreSQL URL[\s\S]*PORT: expected number, got "eighty"[\s\S]*LOG_LEVEL/);
    expect(loadSettings({ GITHUB_TOKEN: '', GITHUB_API_URL: 'http://127.0.0.1:9/' })).toMatchObject({ githubToken: undefined, githubApiUrl: 'http://127.0.0.1:9' });
  });
});
