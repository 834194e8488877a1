import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A proposal body from test/fixtures/analysis/bodies. */
export function readBody(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/analysis/bodies/${name}`, import.meta.url)), 'utf8');
}
