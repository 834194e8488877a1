import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fixed identity and clock so commits work on a clean CI machine and hash the same every run. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Fixture Author',
  GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
  GIT_COMMITTER_NAME: 'Fixture Author',
  GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
  GIT_AUTHOR_DATE: '2024-06-01T12:00:00Z',
  GIT_COMMITTER_DATE: '2024-06-01T12:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `tracker-${prefix}-`));
}

/** Writes files (bytes or text) under `root`, creating folders. */
export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

export function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface TempGitRepo {
  dir: string;
  /** Writes (or, with null, deletes) files and commits them; returns the new commit id. */
  commit(files: Record<string, string | Uint8Array | null>, message?: string): Promise<string>;
  head(): string;
  remove(): Promise<void>;
}

export async function createTempGitRepo(branch = 'main'): Promise<TempGitRepo> {
  const dir = await makeTempDir('notes');
  git(dir, ['init', '--quiet', '--initial-branch', branch]);
  return {
    dir,
    async commit(files, message = 'update notes') {
      for (const [path, content] of Object.entries(files)) {
        if (content === null) git(dir, ['rm', '--quiet', path]);
        else {
          await writeFiles(dir, { [path]: content });
          git(dir, ['add', '--', path]);
        }
      }
      git(dir, ['commit', '--quiet', '--allow-empty', '-m', message]);
      return git(dir, ['rev-parse', 'HEAD']);
    },
    head: () => git(dir, ['rev-parse', 'HEAD']),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
