/** What a command may touch of the outside world; tests pass their own. */
export type CliIo = {
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  out(line: string): void
  err(line: string): void
  /** Resolves when the user asks the process to stop (Ctrl+C, SIGTERM). */
  untilStopped(): Promise<void>
}
