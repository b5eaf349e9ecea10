import { tmpdir } from 'node:os'
import type { CliIo } from './cli-io.ts'
import { runCli } from './run-cli.ts'

export type Run = { code: number; out: string; err: string }

/** Runs `mamori` in-process with its output captured; PATH is empty unless given. */
export async function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    env: { PATH: '', ...env },
    cwd: tmpdir(),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    untilStopped: () => Promise.resolve(),
  }
  const code = await runCli(args, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}
