import { CliError, toFailure } from './cli-error.ts'
import type { CliIo } from './cli-io.ts'
import type { Command } from './commands/command.ts'
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
    const found = COMMANDS.find((c) => c.name === name)
    if (found === undefined) {
      throw new CliError({
        code: name.startsWith('-') ? 'CLI_UNKNOWN_OPTION' : 'CLI_UNKNOWN_COMMAND',
        message: `unknown command or option ${name}`,
        messageJa: `不明な${name.startsWith('-') ? 'オプション' : 'コマンド'}「${name}」です。「mamori --help」で使えるコマンドを確認してください。`,
        field: name,
        exitCode: 2,
      })
    }
    const { command, path, args: commandArgs } = resolveSubcommand(found, rest)
    if (commandArgs.includes('--help') || commandArgs.includes('-h')) {
      io.out(command.usage)
      return 0
    }
    await command.run(io, parseOptions(path, commandArgs, command.options))
    return 0
  } catch (error) {
    const failure = toFailure(error)
    io.err(`エラー [${failure.code}] ${failure.messageJa}`)
    return failure.exitCode
  }
}

function resolveSubcommand(
  command: Command,
  args: string[],
): { command: Command; path: string; args: string[] } {
  if (command.subcommands === undefined) return { command, path: command.name, args }
  const [name, ...rest] = args
  if (name === undefined || name.startsWith('-')) return { command, path: command.name, args }
  const sub = command.subcommands.find((c) => c.name === name)
  if (sub === undefined) {
    throw new CliError({
      code: 'CLI_UNKNOWN_COMMAND',
      message: `unknown subcommand ${command.name} ${name}`,
      messageJa: `不明なコマンド「${command.name} ${name}」です。「mamori ${command.name} --help」で確認してください。`,
      field: name,
      exitCode: 2,
    })
  }
  return { command: sub, path: `${command.name} ${sub.name}`, args: rest }
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
