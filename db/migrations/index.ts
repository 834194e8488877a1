import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.js';
import * as meetings from './0002-meetings.js';
import * as analysis from './0003-analysis.js';
import * as search from './0004-search.js';
import * as dataVersion from './0005-data-version.js';

/**
 * Every migration, in order. Listed explicitly (not read from a folder) so the same set runs
 * under tsx, jest and a bundled build alike. Names never change once released.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-meetings': meetings,
  '0003-analysis': analysis,
  '0004-search': search,
  '0005-data-version': dataVersion,
};
