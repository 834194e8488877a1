import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FolderFile {
  path: string;
  hash: string;
  size: number;
}

/**
 * Every regular file under `root` whose relative POSIX path passes `include`, with a SHA-256 of its bytes.
 * Symbolic links are not followed (a link could point outside the folder); `.git` is skipped.
 */
export async function listFolderFiles(root: string, include: (path: string) => boolean): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(join(dir, entry.name), rel);
      } else if (entry.isFile() && include(rel)) {
        try {
          const bytes = await readFile(join(dir, entry.name));
          files.push({ path: rel, hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length });
        } catch (error) {
          // Kept in the list so the sync records the file with its error instead of forgetting it.
          files.push({ path: rel, hash: `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`, size: 0 });
        }
      }
    }
  };
  await walk(root, '');
  return files;
}
