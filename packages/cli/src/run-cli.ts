import { CliError, toFailure } from './cli-error.ts'
import type { CliIo } from './cli-io.ts'
import { COMMANDS } from './commands/registry.ts'
import { parseOptions } from './parse-options.ts'

/** Runs one `mamori` invocation and returns its exit code; never throws. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = args
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(overview())
      return 0
    }
    if (name === '--version' || name === '-v') {
      io.out(VERSION)
      return 0
    }
    const command = COMMANDS.find((c) => c.name === name)
    if (command === undefined) {
      throw new CliError({
        code: name.startsWith('-') ? 'CLI_UNKNOWN_OPTION' : 'CLI_UNKNOWN_COMMAND',
        message: `unknown command or option ${name}`,
        messageJa: `不明な${name.startsWith('-') ? 'オプション' : 'コマンド'}「${name}」です。「mamori --help」で使えるコマンドを確認してください。`,
        field: name,
        exitCode: 2,
      })
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.usage)
      return 0
    }
    await command.run(io, parseOptions(command.name, rest, command.options))
    return 0
  } catch (error) {
    const failure = toFailure(error)
    io.err(`エラー [${failure.code}] ${failure.messageJa}`)
    return failure.exitCode
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'Mamori — 社労士事務所のためのバックオフィス',
    '',
    '使い方: mamori <コマンド> [オプション]',
    '',
    'コマンド:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '各コマンドの詳細: mamori <コマンド> --help',
  ].join('\n')
}

const VERSION = '0.1.0'
