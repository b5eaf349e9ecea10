import iconv from 'iconv-lite'
import { ServerError } from '../errors.ts'
import { type PayslipDocument, warekiDateJa } from './payslip-document.ts'

/** UTF-8 with a BOM (Excel opens it as UTF-8), or Windows-31J, the Shift_JIS that Japanese Excel and payroll tools read. */
export type CsvEncoding = 'utf-8-bom' | 'shift_jis'

type Column = { header: string; value: (document: PayslipDocument) => string }

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A text cell, quoted when needed (RFC 4180). A leading =, +, -, @ is neutralised with a quote mark
 * so that a spreadsheet never runs a name as a formula (CSV injection); amounts are written as
 * plain integers and never pass through here.
 */
function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

function amountCell(value: number | undefined): string {
  return value === undefined ? '' : String(value)
}

/**
 * The payslips of a run as one table, one row per payslip: fixed columns, then one column per line
 * (by line code, headed by its label, in order of first appearance), then the totals. A line an
 * employee does not have is an empty cell. No column can carry a 個人番号 (PayslipDocument has none).
 */
export function payslipsToCsv(documents: readonly PayslipDocument[], encoding: CsvEncoding): Buffer {
  const earningColumns = new Map<string, string>()
  const deductionColumns = new Map<string, string>()
  for (const d of documents) {
    for (const line of d.payroll.earnings)
      if (!earningColumns.has(line.code)) earningColumns.set(line.code, line.labelJa)
    for (const line of d.payroll.deductions) {
      if (!deductionColumns.has(line.code)) deductionColumns.set(line.code, line.labelJa)
    }
  }
  const lineColumn = (code: string, header: string, section: 'earnings' | 'deductions'): Column => ({
    header,
    value: (d) => amountCell(d.payroll[section].find((l) => l.code === code)?.amount),
  })
  const columns: Column[] = [
    { header: '社員番号', value: (d) => textCell(d.employeeCode) },
    { header: '氏名', value: (d) => textCell(d.employeeName) },
    { header: '明細', value: (d) => (d.payroll.kind === 'monthly' ? '給与' : '賞与') },
    { header: '対象', value: (d) => textCell(d.periodLabelJa) },
    { header: '支給日', value: (d) => warekiDateJa(d.payroll.paymentDate) },
    ...[...earningColumns].map(([code, label]) => lineColumn(code, label, 'earnings')),
    { header: '総支給額', value: (d) => amountCell(d.payroll.totals.grossPay) },
    { header: '課税支給額', value: (d) => amountCell(d.payroll.totals.taxablePay) },
    ...[...deductionColumns].map(([code, label]) => lineColumn(code, label, 'deductions')),
    { header: '控除合計', value: (d) => amountCell(d.payroll.totals.totalDeductions) },
    { header: '差引支給額', value: (d) => amountCell(d.payroll.totals.netPay) },
  ]
  const rows = [
    columns.map((c) => textCell(c.header)).join(','),
    ...documents.map((d) => columns.map((c) => c.value(d)).join(',')),
  ]
  const text = `${rows.join('\r\n')}\r\n`
  if (encoding === 'utf-8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8')
  const encoded = iconv.encode(text, 'windows-31j')
  if (iconv.decode(encoded, 'windows-31j') !== text) {
    throw new ServerError({
      code: 'REQUEST_INVALID',
      message: 'A payslip field has a character Windows-31J cannot encode',
      messageJa: 'Shift_JIS で表せない文字が含まれています。UTF-8 で出力してください。',
      field: 'encoding',
    })
  }
  return encoded
}
