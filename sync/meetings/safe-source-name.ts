import { createHash } from 'node:crypto';

/** A directory name for a meetings source's git cache: readable, and unique per repo string. */
export function safeSourceName(repo: string): string {
  const readable = repo
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/\.git\/?$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(-60);
  const hash = createHash('sha256').update(repo).digest('hex').slice(0, 10);
  return `${readable || 'source'}-${hash}`;
}
