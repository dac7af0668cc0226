// Logs: human-readable on a terminal (pino-pretty), JSON lines otherwise (for log collectors).
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export function createLogger(level: string, tty = process.stdout.isTTY === true): Logger {
  return tty
    ? pino({ level }, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }))
    : pino({ level });
}
