import { runGit } from './run-git.js';

export interface GitTreeFile {
  path: string;
  oid: string;
  size: number;
}

/**
 * Every regular file (mode 100644 or 100755) in a commit's tree. Symbolic links and submodules are left out:
 * they are not meeting notes, and following a link could read outside the repository.
 */
export async function listGitFiles(gitDir: string, commit: string): Promise<GitTreeFile[]> {
  const out = await runGit(['--git-dir', gitDir, 'ls-tree', '-r', '-l', '-z', '--full-tree', commit]);
  const files: GitTreeFile[] = [];
  for (const entry of out.toString('utf8').split('\0')) {
    if (entry === '') continue;
    const tab = entry.indexOf('\t');
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid) continue;
    files.push({ path: entry.slice(tab + 1), oid, size: Number(size) });
  }
  return files;
}
