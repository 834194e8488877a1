import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCommandError, runGit } from './run-git.js';

/** `https://…`, `ssh://…`, `git://…`, `file://…` or scp-like `git@host:path`. */
export function isGitUrl(repo: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[\w.-]+@[\w.-]+:/.test(repo);
}

const USER_AND_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^@/\s]+@/gi;
const USER_ONLY = /([a-z][a-z0-9+.-]*:\/\/)([^/:@\s]+)@/gi;

/** Hides credentials in URLs inside a message: a password, or a lone user part (often a token); `git@` stays. */
export function redactUrl(text: string): string {
  return text
    .replace(USER_AND_PASSWORD, '$1:***@')
    .replace(USER_ONLY, (whole, scheme: string, user: string) => (/^(git|ssh)$/i.test(user) ? whole : `${scheme}***@`));
}

function branchRef(branch: string): string {
  if (!/^[\w./-]+$/.test(branch) || branch.startsWith('-') || branch.includes('..')) {
    throw new Error(`"${branch}" is not a usable branch name: fix "branch" in the meetings config`);
  }
  return branch;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fetches the tip of `branch` (or the remote's default branch) into a bare cache repository, shallowly: the sync
 * compares files by blob id, so it needs no history. Creates the cache on first use; returns the fetched commit.
 */
export async function fetchGitSource(url: string, branch: string | undefined, cacheDir: string): Promise<{ gitDir: string; commit: string }> {
  const ref = branch ? branchRef(branch) : 'HEAD';
  if (!(await exists(join(cacheDir, 'HEAD')))) {
    await runGit(['init', '--quiet', '--bare', cacheDir]);
  }
  const git = ['--git-dir', cacheDir];
  // The URL is set on every run so an edited config URL with the same cache name still fetches the right place.
  const remotes = (await runGit([...git, 'remote'])).toString('utf8').split('\n');
  await runGit([...git, 'remote', remotes.includes('origin') ? 'set-url' : 'add', 'origin', url]);
  try {
    await runGit([...git, 'fetch', '--quiet', '--no-tags', '--depth', '1', 'origin', ref], { timeoutMs: 15 * 60_000 });
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new Error(
        redactUrl(
          `could not fetch ${branch ? `branch "${branch}" of ` : ''}${url}: ${error.stderr.trim().split('\n').pop() || error.message}. ` +
            'Check the URL and branch in the meetings config, and that this machine can reach the repository.',
        ),
      );
    }
    throw error;
  }
  const commit = (await runGit([...git, 'rev-parse', '--verify', 'FETCH_HEAD^{commit}'])).toString('utf8').trim();
  // Keep a ref on the fetched commit so `git gc` never drops what was synced.
  await runGit([...git, 'update-ref', 'refs/tracker/synced', commit]);
  return { gitDir: cacheDir, commit };
}

/** The commit a local checkout's `branch` (local, else origin's) or HEAD points at. */
export async function resolveLocalCommit(gitDir: string, branch: string | undefined): Promise<string> {
  const candidates = branch ? [`refs/heads/${branchRef(branch)}`, `refs/remotes/origin/${branch}`] : ['HEAD'];
  for (const candidate of candidates) {
    try {
      return (await runGit(['--git-dir', gitDir, 'rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])).toString('utf8').trim();
    } catch {
      // try the next candidate
    }
  }
  throw new Error(
    branch
      ? `the local repository has no branch "${branch}" (looked for refs/heads/${branch} and refs/remotes/origin/${branch}): fix "branch" in the meetings config`
      : 'the local repository has no commits yet: commit the meeting notes first',
  );
}
