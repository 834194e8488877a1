import { describe, test, expect } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/meetings/', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const run = (args: string[]) => spawnSync(tsx, ['scripts/eval-match.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('scripts/eval-match.ts', () => {
  test('--json prints exactly the CONTRACT shape with pair-level scores', () => {
    const out = execFileSync(
      tsx,
      ['scripts/eval-match.ts', '--meetings', fixtures, '--proposals', `${fixtures}proposals.json`, '--labels', `${fixtures}labels.json`, '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['byKind', 'f1', 'falseNegatives', 'falsePositives', 'precision', 'recall']);
    // 10 scorable labelled pairs (the context_only one is left out of recall); see the fixture files.
    const fn = result.falseNegatives as { file: string; proposal: number }[];
    const fp = result.falsePositives as { file: string; proposal: number; excerpt: string }[];
    expect(result.recall).toBeCloseTo((9 - fn.length) / 9, 5);
    expect(fp.every((f) => typeof f.excerpt === 'string' && f.excerpt.length > 0)).toBe(true);
    // The context_only pair (Sky Harbor in the website meeting) is matched but is no false positive.
    expect(fp.some((f) => f.file.startsWith('wg-akash-website') && f.proposal === 302)).toBe(false);
    const byKind = result.byKind as Record<string, { tp: number; fn: number; recall: number }>;
    expect(byKind.link).toEqual({ tp: 2, fn: 0, recall: 1 });
    expect(byKind.context_only).toBeUndefined();
  }, 30000);

  // Sets written and labelled by hand by people who had not seen the matcher (2025-26 styles, invented names). First
  // runs, each after the fixes from the sets before it: set 1 precision 0.920, recall 0.657; set 2 0.967, 0.707;
  // set 3 0.943, 0.805; set 4 0.882, 0.732; set 5 1.000, 0.697. General fixes since brought the first four to
  // 0.944/0.971, 0.974/0.902, 0.975/0.951 and 0.974/0.902; set 5 is unchanged. Sets 7, 6, 8 and 9 came later
  // (8 and 9 written to look like the real notes): first runs 0.939/0.674, 0.940/0.979, 0.953/0.911 and
  // 0.875/0.854, now 1.000/0.717, 0.979/0.979, 0.933/0.933 and 1.000/0.878. Sets 10 and 11, the last written,
  // first ran at 0.860/0.935 and 0.923/0.878, now 0.936/0.957 and 1.000/0.878. Sets 12 and 13 were written after
  // the rules above: first runs 0.977/0.956 and 1.000/0.878; two general fixes from set 12 then brought it to
  // 1.000/0.978, and one from set 13 brought that to 1.000/0.927. This guards against losing that.
  test.each([
    ['match-blind-1', 0.94, 0.97],
    ['match-blind-2', 0.97, 0.9],
    ['match-blind-3', 0.97, 0.95],
    ['match-blind-4', 0.97, 0.9],
    ['match-blind-5', 1, 0.69],
    ['match-blind-6', 0.97, 0.97],
    ['match-blind-7', 1, 0.71],
    ['match-blind-8', 0.93, 0.93],
    ['match-blind-9', 1, 0.87],
    ['match-blind-10', 0.93, 0.95],
    ['match-blind-11', 1, 0.87],
    ['match-blind-12', 1, 0.97],
    ['match-blind-13', 1, 0.92],
  ])('the hand-labelled set %s keeps its precision and recall', (name, precision, recall) => {
    const blind = fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
    const out = execFileSync(
      tsx,
      ['scripts/eval-match.ts', '--meetings', `${blind}meetings`, '--proposals', `${blind}proposals.json`, '--labels', `${blind}labels.json`, '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const result = JSON.parse(out) as { precision: number; recall: number };
    expect(result.precision).toBeGreaterThanOrEqual(precision);
    expect(result.recall).toBeGreaterThanOrEqual(recall);
  }, 30000);

  test('missing or invalid inputs give a clear error and exit code 2', () => {
    const missing = run(['--meetings', fixtures, '--proposals', '/nonexistent.json', '--labels', `${fixtures}labels.json`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the proposals file /nonexistent.json');
    const invalid = run(['--meetings', fixtures, '--proposals', `${fixtures}labels.json`, '--labels', `${fixtures}labels.json`]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('does not have the expected shape');
    const usage = run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: eval-match');
  }, 30000);
});
