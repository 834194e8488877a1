import { loadSettings, ConfigError } from '../lib/config.js';
import { openDatabase, migrateToLatest } from './database.js';

async function main(): Promise<number> {
  const settings = loadSettings();
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `migrate: ${(error as Error).message}`);
    process.exit(1);
  },
);
