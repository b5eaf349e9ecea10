import { formatSen, formatYen } from '@mamori/rules/money/format.ts'
import { findPrefecture } from '@mamori/rules/prefectures/find-prefecture.ts'
import type { MonthlyPremiums } from '@mamori/rules/premiums/monthly-premiums.ts'
import { calculateMonthlyPremiums } from '@mamori/rules/premiums/monthly-premiums.ts'
import type { ShareRounding } from '@mamori/rules/premiums/share-rounding.ts'
import { CliError } from '../cli-error.ts'
import { requiredDate, requiredInteger, requiredString } from '../option-values.ts'
import type { Command } from './command.ts'

const ROUNDINGS: readonly ShareRounding[] = [
  'deduct-from-pay',
  'paid-in-cash',
  'agreement-round-down',
  'agreement-round-up',
]

export const calcPremiumsCommand: Command = {
  name: 'premiums',
  summary: '社会保険料（健康保険・介護・支援金、厚生年金、拠出金）を計算します',
  usage: `使い方: mamori calc premiums --prefecture 13 --date 2026-05-01 --salary 300000 --age 45 [--json]

  協会けんぽの被保険者について、報酬月額から標準報酬月額と等級を求め、各保険料の本人負担と事業主負担を示します。

オプション:
  --prefecture  都道府県（JIS X 0401 コード: 東京 = 13、または「東京」「東京都」）
  --date        何月分の保険料か（その月の任意の日、YYYY-MM-DD）
  --salary      報酬月額（円）
  --age         その月の年齢（介護保険の判定に使用）
  --rounding    本人負担の端数処理: deduct-from-pay（給与から控除、既定）, paid-in-cash（現金で支払う）,
                agreement-round-down / agreement-round-up（特約）
  --json        機械処理向けに JSON で出力`,
  options: {
    prefecture: { type: 'string' },
    date: { type: 'string' },
    salary: { type: 'string' },
    age: { type: 'string' },
    rounding: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(io, options) {
    const command = 'calc premiums'
    const prefectureText = requiredString(options, 'prefecture', command)
    const prefecture = findPrefecture(/^\d+$/.test(prefectureText) ? Number(prefectureText) : prefectureText)
    const date = requiredDate(options, 'date', command)
    const salary = requiredInteger(options, 'salary', command, { min: 0, max: 1_000_000_000, unitJa: '円' })
    const age = requiredInteger(options, 'age', command, { min: 0, max: 130, unitJa: '歳' })
    const rounding = parseRounding(options.rounding)
    const result = calculateMonthlyPremiums({
      date,
      prefecture: prefecture.code,
      remuneration: salary,
      person: { age },
      rounding,
    })
    if (options.json === true) {
      io.out(JSON.stringify(toJson(result, prefecture.code, date, salary)))
      return
    }
    for (const line of describe(result, prefecture.name, date, salary, age)) io.out(line)
  },
}

function parseRounding(value: unknown): ShareRounding {
  if (value === undefined) return 'deduct-from-pay'
  const rounding = ROUNDINGS.find((r) => r === value)
  if (rounding !== undefined) return rounding
  throw new CliError({
    code: 'CLI_INVALID_ARGUMENT',
    message: '--rounding is not one of the known rules',
    messageJa: `--rounding は ${ROUNDINGS.join(', ')} のいずれかを指定してください。`,
    field: '--rounding',
    exitCode: 2,
  })
}

function describe(
  r: MonthlyPremiums,
  prefectureName: string,
  date: string,
  salary: number,
  age: number,
): string[] {
  const [year, month] = date.split('-').map(Number)
  return [
    `社会保険料 ${year}年${month}月分（${prefectureName}・協会けんぽ・報酬月額 ${formatYen(salary)}・${age}歳）`,
    `  健康保険  ${r.health.grade}等級  標準報酬月額 ${formatYen(r.health.standardMonthlyRemuneration)}`,
    `  厚生年金  ${r.pension.grade}等級  標準報酬月額 ${formatYen(r.pension.standardMonthlyRemuneration)}`,
    `  介護保険  ${r.longTermCare.insured ? '第2号被保険者（保険料あり）' : '対象外'}`,
    '',
    `  健康保険料（${r.healthInsurance.components.map((c) => ITEM_JA[c.item]).join('・')}）`,
    `    本人負担 ${formatYen(r.healthInsurance.employeeShare)}  事業主負担 ${formatSen(r.healthInsurance.employerShareSen)}`,
    '  厚生年金保険料',
    `    本人負担 ${formatYen(r.pensionInsurance.employeeShare)}  事業主負担 ${formatSen(r.pensionInsurance.employerShareSen)}`,
    '  子ども・子育て拠出金（事業主のみ）',
    `    事業主負担 ${formatSen(r.childContribution.employerShareSen)}`,
    '',
    `  本人負担の合計 ${formatYen(r.employeeTotal)}`,
    '',
    '計算の根拠:',
    ...r.explanationJa.split('\n').map((line) => `  ${line}`),
  ]
}

const ITEM_JA = {
  health: '健康保険',
  'long-term-care': '介護保険',
  'child-support': '子ども・子育て支援金',
} as const

function toJson(r: MonthlyPremiums, prefecture: number, date: string, salary: number) {
  return {
    date,
    prefecture,
    remuneration: salary,
    health: { grade: r.health.grade, standardMonthlyRemuneration: r.health.standardMonthlyRemuneration },
    pension: { grade: r.pension.grade, standardMonthlyRemuneration: r.pension.standardMonthlyRemuneration },
    longTermCareInsured: r.longTermCare.insured,
    healthInsurance: {
      items: r.healthInsurance.components.map((c) => c.item),
      employeeShareYen: r.healthInsurance.employeeShare,
      employerShareSen: r.healthInsurance.employerShareSen,
    },
    pensionInsurance: {
      employeeShareYen: r.pensionInsurance.employeeShare,
      employerShareSen: r.pensionInsurance.employerShareSen,
    },
    childContribution: { employerShareSen: r.childContribution.employerShareSen },
    employeeTotalYen: r.employeeTotal,
    tableIds: [
      r.health.tableId,
      r.pension.tableId,
      ...r.healthInsurance.tableIds,
      r.pensionInsurance.tableId,
      r.childContribution.tableId,
    ],
  }
}
