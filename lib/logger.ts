import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'proposal-tracker' } });
}

/** A logger that drops everything: for tests and for library calls made without one. */
export const silentLogger: Logger = pino({ level: 'silent' });
