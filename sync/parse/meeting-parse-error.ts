export type MeetingParseErrorCode = 'empty' | 'binary' | 'no-date';

/** Thrown by `parseMeeting` only when a file cannot be used as a meeting at all. */
export class MeetingParseError extends Error {
  override readonly name = 'MeetingParseError';

  constructor(
    readonly path: string,
    readonly code: MeetingParseErrorCode,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}
