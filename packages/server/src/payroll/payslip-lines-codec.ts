import type { Attendance } from '@mamori/rules/payroll/attendance.ts'
import type {
  DeductionAmountLine,
  DeductionCode,
  DeductionGroup,
  EarningAmountLine,
  EarningCode,
} from '@mamori/rules/payroll/payroll-line.ts'
import type { PayslipLines } from './payslip-row.ts'

/**
 * How a payslip's lines are stored (payslips.lines, migrations/0012_compact-payslips.sql): compact
 * JSON text, `[earnings, deductions, [healthSen, pensionSen, childContributionSen, employmentSen]]`,
 * each line `[code, amount, labelJa?, treatment?]`, the label and the treatment (income tax of an
 * earning, group of a deduction) left out (or null) where they are the code's usual ones below.
 * A million payslips are a run bench:payroll stores; as labelled jsonb they were ~2 kB each.
 *
 * The usual labels are part of the stored format: a payslip stored without its label prints the
 * label written here. Never change or remove an entry (approved payslips must print as approved);
 * a new label in packages/rules is simply stored with each line until an entry is added for it.
 */
const USUAL_EARNINGS: Readonly<Record<string, readonly [string, 'taxable' | 'non-taxable']>> = {
  'base-pay': ['基本給', 'taxable'],
  'commuting-non-taxable': ['通勤手当(非課税)', 'non-taxable'],
  'commuting-taxable': ['通勤手当(課税)', 'taxable'],
  'within-statutory-overtime': ['法定内残業手当', 'taxable'],
  overtime: ['時間外労働手当', 'taxable'],
  'overtime-beyond-threshold': ['時間外労働手当(60h超)', 'taxable'],
  'late-night': ['深夜労働手当', 'taxable'],
  'legal-holiday': ['休日労働手当', 'taxable'],
  'absence-deduction': ['欠勤控除', 'taxable'],
  'late-early-deduction': ['遅刻早退控除', 'taxable'],
  bonus: ['賞与', 'taxable'],
}

const USUAL_DEDUCTIONS: Readonly<Record<string, readonly [string, DeductionGroup]>> = {
  'health-insurance': ['健康保険料', 'social-insurance'],
  'pension-insurance': ['厚生年金保険料', 'social-insurance'],
  'employment-insurance': ['雇用保険料', 'social-insurance'],
  'income-tax': ['所得税', 'tax'],
  'resident-tax': ['住民税', 'tax'],
}

/** Where no entry above applies: employer-defined items (allowance:…, deduction:…). */
const OTHER_EARNING = ['', 'taxable'] as const
const OTHER_DEDUCTION = ['', 'other'] as const

type StoredLine = [string, number, (string | null)?, string?]

function compact(code: string, amount: number, label: string, treatment: string, usual: readonly string[]) {
  const line: StoredLine = [code, amount]
  if (treatment !== usual[1]) line.push(label === usual[0] ? null : label, treatment)
  else if (label !== usual[0]) line.push(label)
  return line
}

export function encodePayslipLines(
  earnings: readonly EarningAmountLine[],
  deductions: readonly DeductionAmountLine[],
  shares: PayslipLines['employerSharesSen'],
): string {
  const e: StoredLine[] = []
  for (const l of earnings) {
    e.push(compact(l.code, l.amount, l.labelJa, l.incomeTax, USUAL_EARNINGS[l.code] ?? OTHER_EARNING))
  }
  const d: StoredLine[] = []
  for (const l of deductions) {
    d.push(compact(l.code, l.amount, l.labelJa, l.group, USUAL_DEDUCTIONS[l.code] ?? OTHER_DEDUCTION))
  }
  return JSON.stringify([
    e,
    d,
    [shares.healthSen, shares.pensionSen, shares.childContributionSen, shares.employmentSen],
  ])
}

export function decodePayslipLines(text: string): PayslipLines {
  const [e, d, s] = JSON.parse(text) as [StoredLine[], StoredLine[], number[]]
  return {
    earnings: e.map(([code, amount, label, treatment]) => {
      const usual = USUAL_EARNINGS[code] ?? OTHER_EARNING
      return {
        code: code as EarningCode,
        labelJa: label ?? usual[0],
        amount,
        incomeTax: (treatment ?? usual[1]) as EarningAmountLine['incomeTax'],
      }
    }),
    deductions: d.map(([code, amount, label, treatment]) => {
      const usual = USUAL_DEDUCTIONS[code] ?? OTHER_DEDUCTION
      return {
        code: code as DeductionCode,
        group: (treatment ?? usual[1]) as DeductionGroup,
        labelJa: label ?? usual[0],
        amount,
      }
    }),
    employerSharesSen: {
      healthSen: s[0]!,
      pensionSen: s[1]!,
      childContributionSen: s[2]!,
      employmentSen: s[3]!,
    },
  }
}

/** payslips.attendance: the counts in this order, as an integer[] (null on a bonus payslip). */
const ATTENDANCE_ORDER = [
  'scheduledDays',
  'workedDays',
  'absentDays',
  'paidLeaveDays',
  'workedMinutes',
  'lateEarlyMinutes',
  'withinStatutoryOvertimeMinutes',
  'statutoryOvertimeMinutes',
  'lateNightMinutes',
  'legalHolidayMinutes',
] as const satisfies readonly (keyof Attendance)[]

/** The array literal sent for an integer[] column of unnest(): '{20,19,1,…}'. */
export function encodeAttendance(a: Attendance): string {
  return `{${ATTENDANCE_ORDER.map((key) => a[key]).join(',')}}`
}

export function decodeAttendance(values: readonly number[]): Attendance {
  const a: Record<string, number> = {}
  for (const [i, key] of ATTENDANCE_ORDER.entries()) a[key] = values[i]!
  return a as Attendance
}
