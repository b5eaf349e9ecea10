import { formatYen } from '@mamori/rules/money/format.ts'
import { calculateMonthlyWithholding } from '@mamori/rules/withholding/monthly-withholding.ts'
import { requiredDate, requiredInteger } from '../option-values.ts'
import type { Command } from './command.ts'

export const calcWithholdingCommand: Command = {
  name: 'withholding',
  summary: '給与の源泉徴収税額（月額、甲欄は電算機計算の特例）を計算します',
  usage: `使い方: mamori calc withholding --date 2026-05-01 --salary 300000 --social 45000 --dependents 2 [--otsu] [--json]

オプション:
  --date        支払日（YYYY-MM-DD、その年分の税額表を使用）
  --salary      その月の給与等の金額（円、非課税の通勤手当等を除く）
  --social      給与から控除する社会保険料等の金額（円）
  --dependents  扶養親族等の数（甲欄: 扶養控除等申告書、乙欄: 従たる給与についての申告書）
  --otsu        乙欄で計算（扶養控除等申告書の提出がない場合）
  --json        機械処理向けに JSON で出力`,
  options: {
    date: { type: 'string' },
    salary: { type: 'string' },
    social: { type: 'string' },
    dependents: { type: 'string' },
    otsu: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(io, options) {
    const command = 'calc withholding'
    const date = requiredDate(options, 'date', command)
    const pay = requiredInteger(options, 'salary', command, { min: 0, max: 1_000_000_000, unitJa: '円' })
    const socialInsurance = requiredInteger(options, 'social', command, {
      min: 0,
      max: 1_000_000_000,
      unitJa: '円',
    })
    const dependents = requiredInteger(options, 'dependents', command, { min: 0, max: 99, unitJa: '人' })
    const column = options.otsu === true ? 'otsu' : 'kou'
    const result = calculateMonthlyWithholding({ date, column, pay, socialInsurance, dependents })
    if (options.json === true) {
      io.out(
        JSON.stringify({
          date,
          column,
          pay,
          socialInsurance,
          dependents,
          amountAfterSocialInsurance: result.amountAfterSocialInsurance,
          taxYen: result.tax,
          tableId: result.tableId,
        }),
      )
      return
    }
    io.out(
      `源泉徴収税額（${column === 'kou' ? '甲欄' : '乙欄'}・支払日 ${date}・扶養親族等 ${dependents}人）`,
    )
    io.out(`  社会保険料等控除後の給与等の金額 ${formatYen(result.amountAfterSocialInsurance)}`)
    io.out(`  税額 ${formatYen(result.tax)}`)
    io.out('')
    io.out('計算の根拠:')
    for (const line of result.explanationJa.split('\n')) io.out(`  ${line}`)
  },
}
