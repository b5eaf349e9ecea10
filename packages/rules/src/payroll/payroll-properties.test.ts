import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { calculateBonusPayroll } from './bonus-payroll.ts'
import { calculateMonthlyPayroll, type MonthlyPayrollInput } from './monthly-payroll.ts'
import { EXAMPLE_MONTHLY_INPUT } from './test-fixtures.ts'

const minutes = fc.integer({ min: 0, max: 120 * 60 })

const monthlyInput = fc
  .record({
    basis: fc.oneof(
      fc.record({
        kind: fc.constant('monthly' as const),
        monthlyAmount: fc.integer({ min: 0, max: 2_000_000 }),
      }),
      fc.record({ kind: fc.constant('daily' as const), dailyAmount: fc.integer({ min: 0, max: 60_000 }) }),
      fc.record({ kind: fc.constant('hourly' as const), hourlyAmount: fc.integer({ min: 0, max: 10_000 }) }),
    ),
    allowance: fc.integer({ min: 0, max: 100_000 }),
    commuting: fc.integer({ min: 0, max: 200_000 }),
    absentDays: fc.integer({ min: 0, max: 20 }),
    lateEarlyMinutes: minutes,
    workedMinutes: fc.integer({ min: 0, max: 200 * 60 }),
    statutoryOvertimeMinutes: minutes,
    withinStatutoryOvertimeMinutes: minutes,
    lateNightMinutes: minutes,
    legalHolidayMinutes: minutes,
    dependents: fc.integer({ min: 0, max: 8 }),
    paymentDate: fc.constantFrom('2025-06-25', '2025-12-10', '2026-05-25', '2026-11-25'),
    rounding: fc.constantFrom(
      'deduct-from-pay',
      'paid-in-cash',
      'agreement-round-down',
      'agreement-round-up',
    ),
    residentTax: fc.integer({ min: 0, max: 50_000 }),
  })
  .map(
    (p): MonthlyPayrollInput => ({
      ...EXAMPLE_MONTHLY_INPUT,
      paymentDate: p.paymentDate,
      periodEndDate: p.paymentDate,
      establishment: { ...EXAMPLE_MONTHLY_INPUT.establishment, shareRounding: p.rounding },
      employee: { ...EXAMPLE_MONTHLY_INPUT.employee, dependents: p.dependents },
      salary: {
        ...EXAMPLE_MONTHLY_INPUT.salary,
        basis: p.basis,
        allowances: [
          { ...EXAMPLE_MONTHLY_INPUT.salary.allowances[0]!, amount: p.allowance, reducedForAbsence: true },
        ],
        commuting: {
          amount: p.commuting,
          transitMonthlyFare: 15_000,
          vehicleOneWayMeters: null,
          parkingMonthlyFee: null,
        },
      },
      attendance: {
        scheduledDays: 20,
        workedDays: 20 - p.absentDays,
        absentDays: p.absentDays,
        paidLeaveDays: 0,
        workedMinutes: p.workedMinutes,
        lateEarlyMinutes: p.lateEarlyMinutes,
        withinStatutoryOvertimeMinutes: p.withinStatutoryOvertimeMinutes,
        statutoryOvertimeMinutes: p.statutoryOvertimeMinutes,
        lateNightMinutes: p.lateNightMinutes,
        legalHolidayMinutes: p.legalHolidayMinutes,
      },
      residentTax: p.residentTax,
    }),
  )

const sum = (lines: readonly { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0)

describe('月次給与 properties', () => {
  test('差引支給額 = 総支給額 − 控除合計 exactly, and every total is the sum of its lines', () => {
    fc.assert(
      fc.property(monthlyInput, (input) => {
        const { earnings, deductions, totals } = calculateMonthlyPayroll(input)
        assert.equal(totals.grossPay, sum(earnings))
        assert.equal(totals.totalDeductions, sum(deductions))
        assert.equal(totals.netPay, totals.grossPay - totals.totalDeductions)
        assert.equal(totals.taxablePay, sum(earnings.filter((l) => l.incomeTax === 'taxable')))
        assert.equal(totals.socialInsurance, sum(deductions.filter((l) => l.group === 'social-insurance')))
        for (const line of [...earnings, ...deductions]) {
          assert.ok(Number.isSafeInteger(line.amount), line.code)
          assert.ok(line.labelJa.length > 0 && line.explanationJa.length > 0, line.code)
        }
        for (const line of deductions) assert.ok(line.amount >= 0, line.code)
        assert.ok(totals.grossPay >= 0)
      }),
      { numRuns: 300 },
    )
  })

  test('more hours of any kind never lower the 総支給額, 雇用保険料 or 所得税', () => {
    const keys = [
      'statutoryOvertimeMinutes',
      'withinStatutoryOvertimeMinutes',
      'lateNightMinutes',
      'legalHolidayMinutes',
      'workedMinutes',
    ] as const
    fc.assert(
      fc.property(
        monthlyInput,
        fc.constantFrom(...keys),
        fc.integer({ min: 1, max: 600 }),
        (input, key, extra) => {
          const more = { ...input, attendance: { ...input.attendance, [key]: input.attendance[key] + extra } }
          const a = calculateMonthlyPayroll(input)
          const b = calculateMonthlyPayroll(more)
          assert.ok(b.totals.grossPay >= a.totals.grossPay)
          assert.ok(b.totals.socialInsurance >= a.totals.socialInsurance)
          assert.ok(b.totals.incomeTax >= a.totals.incomeTax)
        },
      ),
      { numRuns: 200 },
    )
  })

  test('a higher salary never lowers the 総支給額; more absence never raises it', () => {
    fc.assert(
      fc.property(monthlyInput, fc.integer({ min: 1, max: 100_000 }), (input, raise) => {
        const basis = input.salary.basis
        const raised =
          basis.kind === 'monthly'
            ? { ...basis, monthlyAmount: basis.monthlyAmount + raise }
            : basis.kind === 'daily'
              ? { ...basis, dailyAmount: basis.dailyAmount + raise }
              : { ...basis, hourlyAmount: basis.hourlyAmount + raise }
        const a = calculateMonthlyPayroll(input)
        const b = calculateMonthlyPayroll({ ...input, salary: { ...input.salary, basis: raised } })
        assert.ok(b.totals.grossPay >= a.totals.grossPay)
        if (input.attendance.absentDays < 20) {
          const absent = calculateMonthlyPayroll({
            ...input,
            attendance: { ...input.attendance, absentDays: input.attendance.absentDays + 1 },
          })
          assert.ok(absent.totals.grossPay <= a.totals.grossPay)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('賞与 properties', () => {
  test('差引 = 賞与 − 控除 exactly; a bigger bonus never lowers the premiums, nor the tax while bonus − premiums grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 100_000, max: 1_500_000 }),
        fc.integer({ min: 0, max: 8 }),
        (bonus, extra, previousPay, dependents) => {
          const input = {
            paymentDate: '2026-07-10',
            establishment: EXAMPLE_MONTHLY_INPUT.establishment,
            employee: {
              person: { birthDate: '1980-07-10' },
              healthInsured: true,
              pensionInsured: true,
              employmentInsured: true,
              withholdingColumn: 'kou' as const,
              dependents,
            },
            bonus,
            calculationPeriodOverSixMonths: false,
            healthStandardBonusEarlierInFiscalYear: 0,
            previousMonth: { taxablePay: previousPay, socialInsurance: Math.floor((previousPay * 15) / 100) },
            otherDeductions: [],
          }
          const a = calculateBonusPayroll(input)
          assert.equal(a.totals.netPay, bonus - sum(a.deductions))
          const b = calculateBonusPayroll({ ...input, bonus: bonus + extra })
          assert.ok(b.totals.socialInsurance >= a.totals.socialInsurance)
          // The tax is on the bonus less its premiums, which can fall when the bonus rises by a few yen
          // across a ¥1,000 step of the 標準賞与額; it never falls while that base rises, in the rate-table case.
          const x = previousPay - Math.floor((previousPay * 15) / 100)
          const netA = bonus - a.totals.socialInsurance
          const netB = bonus + extra - b.totals.socialInsurance
          if (netB >= netA && netB <= 10 * x) assert.ok(b.totals.incomeTax >= a.totals.incomeTax)
        },
      ),
      { numRuns: 200 },
    )
  })
})
