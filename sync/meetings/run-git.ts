import { execFile } from 'node:child_process';

/** A git command that failed; `message` ends with git's own last words, which usually say why. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';

  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    reason: string,
  ) {
    super(`git ${args.filter((a) => !a.startsWith('-c') && !a.includes('=')).slice(0, 3).join(' ')} failed: ${reason}`);
  }
}

export interface RunGitOptions {
  cwd?: string;
  timeoutMs?: number;
  maxBufferBytes?: number;
}

/** Environment for git: never prompt for credentials, never inherit a caller's repository or hooks setup. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_NAMESPACE']) delete env[name];
  return env;
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return lines[lines.length - 1] ?? '';
}

/** Runs `git ARGS` with the `git` CLI (no shell) and returns its stdout as bytes. */
export function runGit(args: string[], options: RunGitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: gitEnvironment(),
        encoding: 'buffer',
        timeout: options.timeoutMs ?? 10 * 60_000,
        maxBuffer: options.maxBufferBytes ?? 256 * 1024 * 1024,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const errText = stderr.toString('utf8');
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          reject(new GitCommandError(args, errText, 'the git command is not installed or not on PATH: install git to sync meeting notes'));
        } else if (error.killed) {
          reject(new GitCommandError(args, errText, `it did not finish within ${Math.round((options.timeoutMs ?? 600_000) / 1000)} s`));
        } else {
          reject(new GitCommandError(args, errText, lastLine(errText) || error.message));
        }
      },
    );
  });
}
