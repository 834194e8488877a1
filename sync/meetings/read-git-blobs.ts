import { spawn } from 'node:child_process';
import { gitEnvironment, GitCommandError } from './run-git.js';

/**
 * Reads blobs by id with one `git cat-file --batch` process. Blobs git does not have are left out of the
 * result. Reading from the object database (not a working tree) means a symbolic link can never make us read
 * a file outside the repository.
 */
export function readGitBlobs(gitDir: string, oids: string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(oids)];
  if (unique.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const args = ['--git-dir', gitDir, 'cat-file', '--batch'];
    const child = spawn('git', args, { env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => errors.push(c));
    child.on('error', (error) => reject(new GitCommandError(args, '', error.message)));
    child.on('close', (code) => {
      const stderr = Buffer.concat(errors).toString('utf8');
      if (code !== 0) {
        reject(new GitCommandError(args, stderr, stderr.trim() || `exit code ${code}`));
        return;
      }
      try {
        resolve(splitBatchOutput(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(unique.join('\n') + '\n');
  });
}

/** `<oid> <type> <size>\n<content>\n` per object, or `<name> missing\n`. */
function splitBatchOutput(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let pos = 0;
  while (pos < out.length) {
    const eol = out.indexOf(0x0a, pos);
    if (eol === -1) throw new Error('git cat-file --batch: output ended inside a header');
    const header = out.toString('utf8', pos, eol).split(' ');
    pos = eol + 1;
    if (header[1] === 'missing' || header[1] === 'ambiguous') continue;
    const size = Number(header[2]);
    if (!Number.isSafeInteger(size) || pos + size > out.length) throw new Error(`git cat-file --batch: bad header "${header.join(' ')}"`);
    if (header[1] === 'blob') blobs.set(header[0]!, out.subarray(pos, pos + size));
    pos += size + 1;
  }
  return blobs;
}
