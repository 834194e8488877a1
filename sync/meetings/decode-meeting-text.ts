/** A meeting file that cannot be used as text; the message says what is wrong with it. */
export class MeetingFileError extends Error {
  override readonly name = 'MeetingFileError';
}

export const MAX_MEETING_FILE_BYTES = 5 * 1024 * 1024;

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629 table 3-7). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const follow = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    if (follow < 0 || i + follow >= bytes.length) return i;
    for (let k = 1; k <= follow; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += follow + 1;
  }
  return bytes.length;
}

/** The file's text (UTF-8, a leading BOM dropped); throws `MeetingFileError` for oversized or non-UTF-8 files. */
export function decodeMeetingText(bytes: Uint8Array): string {
  if (bytes.length > MAX_MEETING_FILE_BYTES) {
    throw new MeetingFileError(`the file is ${bytes.length} bytes, more than the ${MAX_MEETING_FILE_BYTES} bytes a meeting file may have`);
  }
  try {
    return strict.decode(bytes);
  } catch {
    throw new MeetingFileError(`the file is not valid UTF-8 (first bad byte at offset ${firstInvalidByte(bytes)}): save it as UTF-8`);
  }
}

/** Best-effort text of an unusable file, for keeping it visible: bad bytes become U+FFFD, NUL too (PostgreSQL text cannot hold NUL). */
export function decodeLenient(bytes: Uint8Array): string {
  return lenient.decode(bytes.subarray(0, MAX_MEETING_FILE_BYTES)).replace(/\u0000/g, '\uFFFD');
}
