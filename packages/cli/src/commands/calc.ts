import { calcPremiumsCommand } from './calc-premiums.ts'
import { calcWithholdingCommand } from './calc-withholding.ts'
import type { Command } from './command.ts'

export const calcCommand: Command = {
  name: 'calc',
  summary: '社会保険料や源泉徴収税額をその場で計算します（確認・スクリプト用）',
  usage: `使い方: mamori calc <premiums|withholding> [オプション]

  premiums     ${calcPremiumsCommand.summary}
  withholding  ${calcWithholdingCommand.summary}

各計算の詳細: mamori calc <premiums|withholding> --help`,
  options: {},
  subcommands: [calcPremiumsCommand, calcWithholdingCommand],
  async run(io) {
    io.out(this.usage)
  },
}
