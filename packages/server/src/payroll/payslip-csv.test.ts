import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { calculateMonthlyPayroll } from '@mamori/rules/payroll/monthly-payroll.ts'
import { EXAMPLE_MONTHLY_INPUT, QUIET_MONTH } from '@mamori/rules/payroll/test-fixtures.ts'
import iconv from 'iconv-lite'
import { payslipsToCsv } from './payslip-csv.ts'
import type { PayslipDocument } from './payslip-document.ts'

const first: PayslipDocument = {
  employerName: '株式会社みなと商事',
  employeeName: '架空 太郎',
  employeeCode: 'E0001',
  periodLabelJa: '令和8年5月分',
  payroll: calculateMonthlyPayroll(EXAMPLE_MONTHLY_INPUT),
  attendance: EXAMPLE_MONTHLY_INPUT.attendance,
}
const second: PayslipDocument = {
  ...first,
  employeeName: '見本 花子',
  employeeCode: 'E0002',
  payroll: calculateMonthlyPayroll({
    ...EXAMPLE_MONTHLY_INPUT,
    attendance: QUIET_MONTH,
    otherDeductions: [],
  }),
}

function rows(csv: string): string[][] {
  return csv
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','))
}

describe('給与明細 CSV', () => {
  test('UTF-8 starts with a BOM, lines end in CRLF, one row per payslip under one header', () => {
    const bytes = payslipsToCsv([first, second], 'utf-8-bom')
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    assert.ok(text.endsWith('\r\n') && !text.replaceAll('\r\n', '').includes('\n'))
    const [header, a, b] = rows(text)
    assert.deepEqual(header!.slice(0, 6), ['社員番号', '氏名', '明細', '対象', '支給日', '基本給'])
    assert.deepEqual(a!.slice(0, 6), [
      'E0001',
      '架空 太郎',
      '給与',
      '令和8年5月分',
      '令和8年5月25日',
      '300000',
    ])
    const column = (name: string) => header!.indexOf(name)
    assert.equal(a![column('差引支給額')], '313000')
    assert.equal(a![column('欠勤控除')], '-15000')
    // The second employee has no 時間外 and no 社宅費: empty cells, not zero.
    assert.equal(b![column('時間外労働手当')], '')
    assert.equal(b![column('社宅費')], '')
    assert.equal(b!.length, header!.length)
  })

  test('Shift_JIS (Windows-31J) decodes to the same table, without a BOM', () => {
    const sjis = payslipsToCsv([first, second], 'shift_jis')
    assert.notEqual(sjis[0], 0xef)
    const utf8 = payslipsToCsv([first, second], 'utf-8-bom').subarray(3).toString('utf8')
    assert.equal(iconv.decode(sjis, 'windows-31j'), utf8)
    // 給 is 0x8B 0x8B in Shift_JIS.
    assert.ok(sjis.includes(Buffer.from([0x8b, 0x8b])))
  })

  test('a name Shift_JIS cannot hold is refused without echoing it', () => {
    assert.throws(
      () => payslipsToCsv([{ ...first, employeeName: '𠮷田 太郎' }], 'shift_jis'),
      (error: unknown) => {
        assert.equal((error as { code: string }).code, 'REQUEST_INVALID')
        assert.ok(!(error as Error).message.includes('𠮷'))
        return true
      },
    )
    assert.ok(
      payslipsToCsv([{ ...first, employeeName: '𠮷田 太郎' }], 'utf-8-bom')
        .toString('utf8')
        .includes('𠮷田'),
    )
  })

  test('commas and quotes are quoted; a leading = is neutralised (CSV injection)', () => {
    const text = payslipsToCsv(
      [{ ...first, employeeName: '=HYPERLINK("x")', employeeCode: 'A,1' }],
      'utf-8-bom',
    )
      .subarray(3)
      .toString('utf8')
    assert.ok(text.includes(`"'=HYPERLINK(""x"")"`))
    assert.ok(text.includes('"A,1"'))
  })
})
