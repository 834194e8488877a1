import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { MeetingSourceConfig } from '../../lib/config.js';
import { compileIncludeGlobs } from './compile-include-globs.js';
import { fetchGitSource, isGitUrl, resolveLocalCommit } from './fetch-git-source.js';
import { listFolderFiles } from './list-folder-files.js';
import { listGitFiles } from './list-git-files.js';
import { readGitBlobs } from './read-git-blobs.js';
import { GitCommandError, runGit } from './run-git.js';
import { safeSourceName } from './safe-source-name.js';

export type MeetingSourceKind = 'git-remote' | 'git-local' | 'folder';

export interface SnapshotFile {
  path: string;
  /** Changes exactly when the file's bytes change: `git:<blob id>` or `sha256:<hex>`. */
  hash: string;
  size: number;
}

/** The meeting files of a source at one moment. */
export interface MeetingSnapshot {
  kind: MeetingSourceKind;
  /** The directory read from: the git directory, or the plain folder. */
  location: string;
  commit: string | null;
  files: SnapshotFile[];
  /** The bytes of some files of the snapshot (by path); a file that cannot be read gets its error. */
  read(paths: string[]): Promise<Map<string, Buffer | Error>>;
}

export interface OpenMeetingSourceOptions {
  dataDir: string;
  /** Relative local paths are resolved against this (default: the working directory). */
  cwd?: string;
}

/** Root of a git working tree when `dir` is exactly that root; null for a plain folder (even one inside a repository). */
async function gitCheckoutRoot(dir: string): Promise<string | null> {
  try {
    const top = (await runGit(['-C', dir, 'rev-parse', '--show-toplevel'], { timeoutMs: 30_000 })).toString('utf8').trim();
    return (await realpath(top)) === (await realpath(dir)) ? top : null;
  } catch (error) {
    if (error instanceof GitCommandError && /dubious ownership/i.test(error.stderr)) {
      throw new Error(`git refuses to read ${dir} because another user owns it: run "git config --global --add safe.directory ${dir}" for the user running the tracker`);
    }
    return null;
  }
}

async function gitSnapshot(kind: MeetingSourceKind, gitDir: string, commit: string, include: (p: string) => boolean): Promise<MeetingSnapshot> {
  const tree = (await listGitFiles(gitDir, commit)).filter((f) => include(f.path));
  const oidByPath = new Map(tree.map((f) => [f.path, f.oid]));
  return {
    kind,
    location: gitDir,
    commit,
    files: tree.map((f) => ({ path: f.path, hash: `git:${f.oid}`, size: f.size })),
    async read(paths) {
      const blobs = await readGitBlobs(gitDir, paths.flatMap((p) => oidByPath.get(p) ?? []));
      return new Map(paths.map((p) => [p, blobs.get(oidByPath.get(p) ?? '') ?? new Error(`git has no content for ${p} at ${commit}`)]));
    },
  };
}

/**
 * Opens a configured meetings source and lists its meeting files:
 * - a git URL is fetched (shallow) into `DATA_DIR/meetings/<safe-name>` and read at the fetched commit;
 * - a local git checkout is read in place at `branch` (or HEAD), from its object database, never its working tree;
 * - any other local directory is read as plain files.
 */
export async function openMeetingSource(config: MeetingSourceConfig, options: OpenMeetingSourceOptions): Promise<MeetingSnapshot> {
  const include = compileIncludeGlobs(config.include);
  if (isGitUrl(config.repo)) {
    const cacheDir = resolve(options.dataDir, 'meetings', safeSourceName(config.repo));
    await mkdir(join(options.dataDir, 'meetings'), { recursive: true });
    const { gitDir, commit } = await fetchGitSource(config.repo, config.branch, cacheDir);
    return gitSnapshot('git-remote', gitDir, commit, include);
  }
  const dir = isAbsolute(config.repo) ? config.repo : resolve(options.cwd ?? process.cwd(), config.repo);
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new Error(`meetings source "${config.repo}" is neither a git URL nor an existing directory (looked at ${dir}): fix "repo" in the config`);
  }
  const root = await gitCheckoutRoot(dir);
  if (root) {
    const gitDir = (await runGit(['-C', root, 'rev-parse', '--absolute-git-dir'])).toString('utf8').trim();
    const commit = await resolveLocalCommit(gitDir, config.branch);
    return gitSnapshot('git-local', gitDir, commit, include);
  }
  if (config.branch) {
    throw new Error(`meetings source "${config.repo}" sets branch "${config.branch}" but ${dir} is not a git checkout: remove "branch" or point "repo" at a checkout`);
  }
  const files = await listFolderFiles(dir, include);
  return {
    kind: 'folder',
    location: dir,
    commit: null,
    files,
    async read(paths) {
      const out = new Map<string, Buffer | Error>();
      for (const p of paths) {
        try {
          out.set(p, await readFile(join(dir, ...p.split('/'))));
        } catch (error) {
          out.set(p, new Error(`cannot read the file: ${(error as Error).message}`));
        }
      }
      return out;
    },
  };
}
