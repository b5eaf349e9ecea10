import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino from 'pino'
import type { LogLevel } from './config.ts'

/**
 * Structured logs to stdout and to data/logs/server.log. Request bodies are never logged
 * (Fastify logs method, URL and status); cookies and auth headers are redacted in case a
 * serializer ever includes them.
 */
export function createLogger(options: { level: LogLevel; logsDir?: string }): pino.Logger {
  const redact = {
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      'res.headers["set-cookie"]',
      '*.sealed',
      '*.password',
    ],
    censor: '[redacted]',
  }
  if (options.logsDir === undefined) return pino({ level: options.level, redact })
  mkdirSync(options.logsDir, { recursive: true, mode: 0o700 })
  const file = pino.destination({ dest: join(options.logsDir, 'server.log'), mkdir: true, sync: false })
  return pino(
    { level: options.level, redact },
    pino.multistream([
      { level: options.level === 'silent' ? 'fatal' : options.level, stream: process.stdout },
      { level: options.level === 'silent' ? 'fatal' : options.level, stream: file },
    ]),
  )
}
