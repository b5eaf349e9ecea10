import assert from 'node:assert/strict'
import { test } from 'node:test'
import { run } from '../run-for-test.ts'

// Expected figures: premiums.md (協会けんぽ 令和8年度 東京 9.85%, 介護 1.62%, 支援金 0.23%, 厚年 18.3%,
// 拠出金 0.36%) and standard-remuneration.md (報酬月額 300,000円 → 健保22等級 / 厚年19等級).
test('mamori calc premiums: 東京・2026年5月分・300,000円・45歳', async () => {
  const result = await run([
    'calc',
    'premiums',
    '--prefecture',
    '13',
    '--date',
    '2026-05-01',
    '--salary',
    '300000',
    '--age',
    '45',
    '--json',
  ])
  assert.equal(result.code, 0, result.err)
  const body = JSON.parse(result.out)
  assert.deepEqual(body.health, { grade: 22, standardMonthlyRemuneration: 300000 })
  assert.deepEqual(body.pension, { grade: 19, standardMonthlyRemuneration: 300000 })
  assert.equal(body.longTermCareInsured, true)
  assert.equal(body.healthInsurance.employeeShareYen, 17550)
  assert.equal(body.pensionInsurance.employeeShareYen, 27450)
  assert.equal(body.childContribution.employerShareSen, 108000)
  assert.equal(body.employeeTotalYen, 45000)
})

test('mamori calc premiums takes the prefecture by name and explains itself in Japanese', async () => {
  const result = await run([
    'calc',
    'premiums',
    '--prefecture',
    '東京',
    '--date',
    '2026-05-01',
    '--salary',
    '300000',
    '--age',
    '30',
  ])
  assert.equal(result.code, 0, result.err)
  assert.match(result.out, /健康保険 {2}22等級/)
  assert.match(result.out, /介護保険 {2}対象外/)
  assert.match(result.out, /計算の根拠:/)
})

test('mamori calc withholding: 甲欄 by the 電算機計算の特例, JSON for scripts', async () => {
  const result = await run([
    'calc',
    'withholding',
    '--date',
    '2026-05-01',
    '--salary',
    '300000',
    '--social',
    '45000',
    '--dependents',
    '2',
    '--json',
  ])
  assert.equal(result.code, 0, result.err)
  const body = JSON.parse(result.out)
  assert.equal(body.column, 'kou')
  assert.equal(body.amountAfterSocialInsurance, 255000)
  assert.ok(Number.isSafeInteger(body.taxYen) && body.taxYen > 0)
})

test('bad calc arguments exit 2 with a code naming the flag', async () => {
  const cases: [string[], RegExp][] = [
    [
      ['calc', 'premiums', '--date', '2026-05-01', '--salary', '1', '--age', '45'],
      /\[CLI_MISSING_ARGUMENT\] --prefecture/,
    ],
    [
      ['calc', 'premiums', '--prefecture', '13', '--date', '2026-02-30', '--salary', '1', '--age', '45'],
      /\[CLI_INVALID_ARGUMENT\] --date/,
    ],
    [
      ['calc', 'premiums', '--prefecture', '13', '--date', '2026-05-01', '--salary', '三十万', '--age', '45'],
      /\[CLI_INVALID_ARGUMENT\] --salary/,
    ],
    [
      ['calc', 'withholding', '--date', '2026-05-01', '--salary', '1', '--social', '0', '--dependents', '-1'],
      /\[CLI_INVALID_ARGUMENT\] オプション「--dependents」の値がありません。.*--dependents=値/,
    ],
    [
      ['calc', 'withholding', '--date', '2026-05-01', '--salary', '1', '--social', '0', '--dependents=-1'],
      /\[CLI_INVALID_ARGUMENT\] --dependents は 0〜99 の整数/,
    ],
    [['calc', 'payslip'], /\[CLI_UNKNOWN_COMMAND\]/],
    [['calc', 'premiums', '--salry', '1'], /\[CLI_UNKNOWN_OPTION\] 不明なオプション「--salry」/],
  ]
  for (const [args, expected] of cases) {
    const result = await run(args)
    assert.equal(result.code, 2, args.join(' '))
    assert.match(result.err, expected)
  }
})

test('statutory refusals pass through with their own codes: an unknown prefecture, a date with no table', async () => {
  const unknown = await run([
    'calc',
    'premiums',
    '--prefecture',
    '48',
    '--date',
    '2026-05-01',
    '--salary',
    '300000',
    '--age',
    '45',
  ])
  assert.equal(unknown.code, 1)
  assert.match(unknown.err, /\[PREFECTURE_UNKNOWN\]/)
  const tooEarly = await run([
    'calc',
    'premiums',
    '--prefecture',
    '13',
    '--date',
    '2019-05-01',
    '--salary',
    '300000',
    '--age',
    '45',
  ])
  assert.equal(tooEarly.code, 1)
  assert.match(tooEarly.err, /\[TABLE_NOT_IN_FORCE\]/)
})
