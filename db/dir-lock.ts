import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * PGlite has no cross-process locking: two processes on one data directory both start,
 * and one of them silently loses its writes. This lock file makes the second process refuse.
 * A lock left by a process that died is taken over when that pid is no longer alive.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: { pid: number; hostname?: string; startedAt?: string },
  ) {
    super(
      `Another Proposal Tracker process (pid ${holder.pid}${holder.startedAt ? `, started ${holder.startedAt}` : ''}) ` +
        `is using the embedded database in ${dir}. Stop that process first, or set DATABASE_URL to use PostgreSQL, ` +
        `which several processes can share.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DirLock {
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  const file = join(absolute, 'tracker.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; hostname?: string; startedAt?: string };
      try {
        holder = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        holder = { pid: 0 };
      }
      const sameHost = !holder.hostname || holder.hostname === hostname();
      if (holder.pid > 0 && (!sameHost || isAlive(holder.pid))) throw new DataDirLockedError(absolute, holder);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${file}: it keeps reappearing; is another process starting at the same moment?`);
}
