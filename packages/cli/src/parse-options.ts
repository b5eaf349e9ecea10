import type { ParseArgsOptionsConfig } from 'node:util'
import { parseArgs } from 'node:util'
import { CliError } from './cli-error.ts'

export type ParsedOptions = Record<string, string | boolean | (string | boolean)[] | undefined>

/** node:util parseArgs in strict mode, its errors turned into coded Japanese ones. */
export function parseOptions(
  command: string,
  args: string[],
  options: ParseArgsOptionsConfig,
): ParsedOptions {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true })
    if (positionals.length > 0) {
      throw new CliError({
        code: 'CLI_UNEXPECTED_ARGUMENT',
        message: `unexpected argument for ${command}`,
        messageJa: `「mamori ${command}」は引数「${positionals[0]}」を受け付けません。「mamori ${command} --help」で使い方を確認してください。`,
        exitCode: 2,
      })
    }
    return values
  } catch (error) {
    if (error instanceof CliError) throw error
    const code = (error as { code?: string }).code
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new CliError({
        code: 'CLI_UNKNOWN_OPTION',
        message: `unknown option ${option} for ${command}`,
        messageJa: `不明なオプション「${option}」です。「mamori ${command} --help」で使えるオプションを確認してください。`,
        field: option,
        exitCode: 2,
      })
    }
    const valueMissing = code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    throw new CliError({
      code: 'CLI_INVALID_ARGUMENT',
      message: `invalid arguments for ${command}`,
      messageJa: valueMissing
        ? `オプション「${option}」の値がありません。値が「-」で始まる場合は ${option}=値 の形で指定してください。`
        : `オプション「${option}」の指定に誤りがあります。「mamori ${command} --help」で使い方を確認してください。`,
      field: option,
      exitCode: 2,
    })
  }
}
