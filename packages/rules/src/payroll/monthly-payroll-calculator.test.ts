import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { calculateMonthlyPayroll, type MonthlyPayroll, type MonthlyPayrollInput } from './monthly-payroll.ts'
import { prepareMonthlyPayroll } from './monthly-payroll-calculator.ts'
import { EXAMPLE_MONTHLY_INPUT } from './test-fixtures.ts'

/** calculateMonthlyPayroll's result as the calculator gives it: the lines without explanations. */
function withoutExplanations(result: MonthlyPayroll) {
  return {
    ...result,
    earnings: result.earnings.map(({ explanationJa: _, ...line }) => line),
    deductions: result.deductions.map(({ explanationJa: _, ...line }) => line),
  }
}

type Outcome = { ok: unknown } | { refused: { code: unknown; field: unknown; messageJa: unknown } }

function outcome(calculate: () => unknown): Outcome {
  try {
    return { ok: calculate() }
  } catch (error) {
    const e = error as { code?: unknown; field?: unknown; messageJa?: unknown }
    return { refused: { code: e.code, field: e.field, messageJa: e.messageJa } }
  }
}

function both(input: MonthlyPayrollInput): { full: Outcome; prepared: Outcome } {
  const { paymentDate, periodEndDate, establishment, ...employee } = input
  return {
    full: outcome(() => withoutExplanations(calculateMonthlyPayroll(input))),
    prepared: outcome(() => prepareMonthlyPayroll({ paymentDate, periodEndDate, establishment })(employee)),
  }
}

/** Mostly `valid`, sometimes `invalid`: enough of both to compare results and refusals. */
function rarely<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: invalid, weight: 1 })
}

const minutes = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 * 60 }))
const healthStandard = rarely(fc.constantFrom(null, 58_000, 88_000, 340_000, 1_390_000), fc.constant(345_000))
const pensionStandard = rarely(fc.constantFrom(null, 88_000, 340_000, 650_000), fc.constant(1_390_000))

/** Inputs over every branch and table of the calculation, valid or not. */
const anyInput = fc
  .record({
    paymentDate: rarely(
      fc.constantFrom('2024-04-25', '2025-06-25', '2025-12-10', '2026-04-25', '2026-11-25'),
      fc.constantFrom('2023-03-25', '2027-01-25', '2026-02-30'),
    ),
    periodEndDate: rarely(
      fc.constantFrom('2025-05-31', '2026-03-31', '2026-04-20', '2026-10-31'),
      fc.constantFrom('2023-03-31', '2026-13-01'),
    ),
    prefecture: fc.integer({ min: 1, max: 47 }),
    premiumCollection: fc.constantFrom('following-month', 'same-month'),
    shareRounding: fc.constantFrom(
      'deduct-from-pay',
      'paid-in-cash',
      'agreement-round-down',
      'agreement-round-up',
    ),
    businessType: fc.constantFrom('general', 'agriculture-forestry-fisheries-sake', 'construction'),
    person: fc.oneof(
      fc.record({
        birthDate: rarely(
          fc.constantFrom('1960-04-01', '1961-05-02', '1980-07-10', '1986-05-02', '1986-04-01'),
          fc.constant('2030-01-01'),
        ),
      }),
      fc.record({ age: rarely(fc.integer({ min: 0, max: 150 }), fc.constantFrom(-1, 151)) }),
    ),
    health: healthStandard,
    pension: pensionStandard,
    employmentInsured: fc.boolean(),
    withholdingColumn: fc.oneof(
      { arbitrary: fc.constant('kou'), weight: 4 },
      { arbitrary: fc.constant('otsu'), weight: 1 },
    ),
    dependents: rarely(fc.integer({ min: 0, max: 8 }), fc.constant(-1)),
    basis: fc.oneof(
      fc.record({
        kind: fc.constant('monthly' as const),
        monthlyAmount: fc.integer({ min: 0, max: 2_000_000 }),
      }),
      fc.record({ kind: fc.constant('daily' as const), dailyAmount: fc.integer({ min: 0, max: 60_000 }) }),
      fc.record({ kind: fc.constant('hourly' as const), hourlyAmount: fc.integer({ min: 0, max: 10_000 }) }),
    ),
    allowances: fc.uniqueArray(
      fc.record({
        code: rarely(fc.constantFrom('position', 'family', 'housing'), fc.constant('bad code')),
        labelJa: rarely(fc.constantFrom('役職手当', '家族手当', '住宅手当'), fc.constant('')),
        amount: rarely(fc.integer({ min: 0, max: 100_000 }), fc.constant(-1)),
        incomeTax: fc.constantFrom('taxable', 'non-taxable'),
        premiumBase: fc.constantFrom('included', 'family', 'housing', 'temporary'),
        reducedForAbsence: fc.boolean(),
      }),
      { maxLength: 3, selector: (a) => a.code },
    ),
    commuting: fc.option(
      fc.record({
        amount: fc.integer({ min: 0, max: 200_000 }),
        transitMonthlyFare: fc.option(fc.integer({ min: 0, max: 200_000 }), { freq: 8 }),
        vehicleOneWayMeters: fc.option(fc.integer({ min: 0, max: 70_000 })),
        parkingMonthlyFee: fc.option(fc.integer({ min: 0, max: 20_000 })),
      }),
    ),
    absenceRule: fc.constantFrom('average-month', 'days-of-this-month'),
    scheduledDays: rarely(fc.integer({ min: 18, max: 23 }), fc.integer({ min: 0, max: 17 })),
    absentDays: rarely(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 22 })),
    paidLeaveDays: fc.integer({ min: 0, max: 3 }),
    workedMinutes: fc.integer({ min: 0, max: 200 * 60 }),
    lateEarlyMinutes: minutes,
    withinStatutoryOvertimeMinutes: minutes,
    statutoryOvertimeMinutes: minutes,
    lateNightMinutes: minutes,
    legalHolidayMinutes: minutes,
    residentTax: rarely(fc.integer({ min: 0, max: 50_000 }), fc.constant(-1)),
    otherDeductions: fc.uniqueArray(
      fc.record({
        code: rarely(fc.constantFrom('housing', 'savings'), fc.constant('!')),
        labelJa: fc.constantFrom('社宅費', '財形貯蓄'),
        amount: rarely(fc.integer({ min: 0, max: 30_000 }), fc.constant(-1)),
      }),
      { maxLength: 2, selector: (d) => d.code },
    ),
  })
  .map(
    (p): MonthlyPayrollInput => ({
      paymentDate: p.paymentDate,
      periodEndDate: p.periodEndDate,
      establishment: {
        prefecture: p.prefecture as MonthlyPayrollInput['establishment']['prefecture'],
        premiumCollection: p.premiumCollection,
        shareRounding: p.shareRounding,
        employmentInsuranceBusinessType: p.businessType,
      },
      employee: {
        person: p.person,
        healthStandardMonthlyRemuneration: p.health,
        pensionStandardMonthlyRemuneration: p.pension,
        employmentInsured: p.employmentInsured,
        withholdingColumn: p.withholdingColumn,
        dependents: p.dependents,
      },
      salary: {
        basis: p.basis,
        allowances: p.allowances,
        commuting: p.commuting,
        averageMonthlyScheduledMinutes: 160 * 60,
        scheduledMinutesPerDay: 8 * 60,
        absenceRule: p.absenceRule,
      },
      attendance: {
        scheduledDays: p.scheduledDays,
        workedDays: Math.max(0, p.scheduledDays - p.absentDays),
        absentDays: p.absentDays,
        paidLeaveDays: p.paidLeaveDays,
        workedMinutes: p.workedMinutes,
        lateEarlyMinutes: p.lateEarlyMinutes,
        withinStatutoryOvertimeMinutes: p.withinStatutoryOvertimeMinutes,
        statutoryOvertimeMinutes: p.statutoryOvertimeMinutes,
        lateNightMinutes: p.lateNightMinutes,
        legalHolidayMinutes: p.legalHolidayMinutes,
      },
      residentTax: p.residentTax,
      otherDeductions: p.otherDeductions,
    }),
  )

describe('prepareMonthlyPayroll', () => {
  test('worked example 1: the lines, totals, shares and tables of calculateMonthlyPayroll', () => {
    const { full, prepared } = both(EXAMPLE_MONTHLY_INPUT)
    assert.ok('ok' in full)
    assert.deepEqual(prepared, full)
  })

  test('any input, valid or not: the same result, or the same refusal, as calculateMonthlyPayroll', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const { full, prepared } = both(input)
        assert.deepEqual(prepared, full)
      }),
      { numRuns: 3_000 },
    )
  })

  test('one calculator for a run gives each employee what calculateMonthlyPayroll gives', () => {
    const run = prepareMonthlyPayroll({
      paymentDate: EXAMPLE_MONTHLY_INPUT.paymentDate,
      periodEndDate: EXAMPLE_MONTHLY_INPUT.periodEndDate,
      establishment: EXAMPLE_MONTHLY_INPUT.establishment,
    })
    fc.assert(
      fc.property(anyInput, (generated) => {
        const input = {
          ...generated,
          paymentDate: EXAMPLE_MONTHLY_INPUT.paymentDate,
          periodEndDate: EXAMPLE_MONTHLY_INPUT.periodEndDate,
          establishment: EXAMPLE_MONTHLY_INPUT.establishment,
        }
        const full = outcome(() => withoutExplanations(calculateMonthlyPayroll(input)))
        assert.deepEqual(
          outcome(() => run(input)),
          full,
        )
      }),
      { numRuns: 2_000 },
    )
  })
})
