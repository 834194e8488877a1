import type { MeetingGroup } from './types.js';

/** Short words that are acronyms in group names ("wg-gpu" is the GPU working group). */
const ACRONYMS = new Set(['ai', 'api', 'gpu', 'cpu', 'ui', 'ux', 'dao', 'nft', 'llm', 'sdk', 'ibc', 'hpc', 'dx', 'devrel']);
const SPECIAL_CASE: Record<string, string> = { youtube: 'YouTube', github: 'GitHub', devrel: 'DevRel' };

function readableWords(words: string[]): string {
  return words
    .filter((w) => w.length > 0)
    .map((w) => {
      const lower = w.toLowerCase();
      if (SPECIAL_CASE[lower]) return SPECIAL_CASE[lower];
      if (ACRONYMS.has(lower)) return lower.toUpperCase();
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

/**
 * The group a meeting file belongs to, from the directory it sits in:
 * `committee-steering/meetings/019.md` is the Steering Committee, `sig-economics/...` is "SIG Economics",
 * `wg-akash-website/...` is the "Akash Website Working Group". Other layouts fall back to the directory
 * above `meetings*` (or the first directory), with kind `other`.
 */
export function extractGroup(path: string): MeetingGroup {
  const parts = path.split(/[\\/]+/).filter((p) => p.length > 0 && p !== '.' && p !== '..');
  const dirs = parts.slice(0, -1);
  // The innermost matching directory wins, so absolute paths with unrelated parents still work.
  for (let i = dirs.length - 1; i >= 0; i--) {
    const dir = dirs[i]!;
    const m = /^(committee|sig|wg)[-_ ](.+)$/i.exec(dir);
    if (!m) continue;
    const prefix = m[1]!.toLowerCase();
    const rest = m[2]!.split(/[-_ ]+/);
    const slug = dir.toLowerCase();
    if (prefix === 'committee') return { slug, name: `${readableWords(rest)} Committee`, kind: 'committee' };
    if (prefix === 'sig') return { slug, name: `SIG ${readableWords(rest)}`, kind: 'sig' };
    return { slug, name: `${readableWords(rest)} Working Group`, kind: 'wg' };
  }
  const meetingsDir = dirs.findIndex((d) => /^meetings?\b/i.test(d));
  const fallback = meetingsDir > 0 ? dirs[meetingsDir - 1] : dirs[0];
  if (fallback) return { slug: fallback.toLowerCase(), name: readableWords(fallback.split(/[-_ ]+/)), kind: 'other' };
  return { slug: 'ungrouped', name: 'Ungrouped', kind: 'other' };
}
