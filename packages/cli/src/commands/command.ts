import type { ParseArgsOptionsConfig } from 'node:util'
import type { CliIo } from '../cli-io.ts'
import type { ParsedOptions } from '../parse-options.ts'

export type Command = {
  name: string
  /** One line, Japanese, for `mamori --help`. */
  summary: string
  /** The usage text for `mamori <name> --help`. */
  usage: string
  options: ParseArgsOptionsConfig
  /** `mamori <name> <subcommand> …`; run() then only explains them. */
  subcommands?: readonly Command[]
  run(io: CliIo, options: ParsedOptions): Promise<void>
}
