import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const repoName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, 'must be a GitHub name: letters, digits, ".", "_" or "-" (for example "community")');

const discussionSourceSchema = z.strictObject({
  owner: repoName,
  repo: repoName,
  categories: z
    .array(z.string().min(1, 'must not be empty: use the category name as shown on GitHub, e.g. "Proposals"'))
    .min(1, 'must list at least one category, or be left out to sync every category')
    .optional(),
});

const meetingSourceSchema = z.strictObject({
  repo: z.string().min(1, 'must be a git URL (https://…/x.git) or a local directory'),
  branch: z.string().min(1).optional(),
  include: z
    .array(z.string().min(1))
    .min(1, 'must list at least one glob, e.g. "committee-steering/meetings/**/*.md"')
    .default(['**/*.md']),
});

const committeeMemberSchema = z.strictObject({
  name: z.string().min(1, 'must be the member\'s name as written in meeting notes'),
  login: z.string().min(1).nullable().optional(),
  aliases: z.array(z.string().min(1)).default([]),
});

export const trackerConfigSchema = z.strictObject({
  discussions: z.array(discussionSourceSchema).default([]),
  meetings: z.array(meetingSourceSchema).default([]),
  committee: z.array(committeeMemberSchema).default([]),
  syncIntervalMinutes: z.number().int().min(1, 'must be at least 1 (minutes)').max(24 * 60).default(15),
  fullSyncIntervalHours: z.number().min(1, 'must be at least 1 (hours)').max(24 * 30).default(24),
});

export type TrackerConfig = z.infer<typeof trackerConfigSchema>;
export type DiscussionSourceConfig = z.infer<typeof discussionSourceSchema>;
export type MeetingSourceConfig = z.infer<typeof meetingSourceSchema>;
export type CommitteeMemberConfig = z.infer<typeof committeeMemberSchema>;

/** A problem a person can fix: the message names the key or variable and says what to do. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const key = formatPath(issue.path) || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return `${key === '(top level)' ? '' : key + ': '}unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove them or check the spelling (known keys are listed in the README)`;
  }
  if (issue.code === 'invalid_type') {
    const given = valueAt(root, issue.path);
    return `${key}: expected ${issue.expected}${given === undefined ? ', but it is missing' : `, got ${JSON.stringify(given)}`}`;
  }
  return `${key}: ${issue.message}`;
}

/** Validates parsed JSON; reports every problem at once. */
export function parseTrackerConfig(value: unknown, source = 'tracker.config.json'): TrackerConfig {
  const result = trackerConfigSchema.safeParse(value);
  if (!result.success) throw new ConfigError(source, result.error.issues.map((i) => describeIssue(i, value)));
  const problems: string[] = [];
  const seen = new Set<string>();
  result.data.discussions.forEach((d, i) => {
    const key = `${d.owner}/${d.repo}`.toLowerCase();
    if (seen.has(key)) problems.push(`discussions[${i}]: ${d.owner}/${d.repo} is listed twice: keep one entry`);
    seen.add(key);
  });
  if (problems.length) throw new ConfigError(source, problems);
  return result.data;
}

/** Reads and validates the config file. A missing file means an empty config (the tracker still runs). */
export async function loadTrackerConfig(path: string): Promise<TrackerConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigError(path, [`the file does not exist: create it (see the README) or set TRACKER_CONFIG to its path`]);
    }
    throw new ConfigError(path, [`cannot be read: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [`is not valid JSON: ${(error as Error).message}`]);
  }
  return parseTrackerConfig(json, path);
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user@localhost:5432/tracker')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_API_URL: z.url('must be a URL such as https://api.github.com').default('https://api.github.com'),
  PORT: z.coerce.number().int().min(0).max(65535, 'must be a TCP port (0-65535)').default(3000),
  TRACKER_CONFIG: z.string().min(1).default('./tracker.config.json'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Settings {
  databaseUrl: string | undefined;
  dataDir: string;
  githubToken: string | undefined;
  githubApiUrl: string;
  port: number;
  configPath: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Reads the environment variables of CONTRACT.md; empty strings count as unset. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError('The environment', result.error.issues.map((i) => describeIssue(i, cleaned)));
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    githubToken: e.GITHUB_TOKEN,
    githubApiUrl: e.GITHUB_API_URL.replace(/\/+$/, ''),
    port: e.PORT,
    configPath: e.TRACKER_CONFIG,
    logLevel: e.LOG_LEVEL,
  };
}
