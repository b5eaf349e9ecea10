import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { prepareMonthlyPayroll } from '@mamori/rules/payroll/monthly-payroll-calculator.ts'
import { EXAMPLE_MONTHLY_INPUT } from '@mamori/rules/payroll/test-fixtures.ts'
import fc from 'fast-check'
import {
  decodeAttendance,
  decodePayslipLines,
  encodeAttendance,
  encodePayslipLines,
} from './payslip-lines-codec.ts'

const label = fc.oneof(
  fc.constantFrom('基本給', '健康保険料', '健康保険料(介護・支援金含む)', '所得税', '役職手当', '社宅費', ''),
  fc.string({ maxLength: 20 }),
)
const amount = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 })
const earningCode = fc.oneof(
  fc.constantFrom(
    'base-pay',
    'commuting-non-taxable',
    'overtime',
    'late-night',
    'absence-deduction',
    'bonus',
  ),
  fc.string({ maxLength: 32 }).map((c) => `allowance:${c}`),
)
const deductionCode = fc.oneof(
  fc.constantFrom(
    'health-insurance',
    'pension-insurance',
    'employment-insurance',
    'income-tax',
    'resident-tax',
  ),
  fc.string({ maxLength: 32 }).map((c) => `deduction:${c}`),
)

const lines = fc.record({
  earnings: fc.array(
    fc.record({
      code: earningCode as fc.Arbitrary<`allowance:${string}`>,
      labelJa: label,
      amount,
      incomeTax: fc.constantFrom('taxable' as const, 'non-taxable' as const),
    }),
    { maxLength: 12 },
  ),
  deductions: fc.array(
    fc.record({
      code: deductionCode as fc.Arbitrary<`deduction:${string}`>,
      group: fc.constantFrom('social-insurance' as const, 'tax' as const, 'other' as const),
      labelJa: label,
      amount,
    }),
    { maxLength: 8 },
  ),
  employerSharesSen: fc.record({
    healthSen: amount,
    pensionSen: amount,
    childContributionSen: amount,
    employmentSen: amount,
  }),
})

describe('payslip lines as stored', () => {
  test('any lines decode to what was encoded: labels and treatments left out only where usual', () => {
    fc.assert(
      fc.property(lines, (l) => {
        const text = encodePayslipLines(l.earnings, l.deductions, l.employerSharesSen)
        assert.deepEqual(decodePayslipLines(text), structuredClone(l))
      }),
      { numRuns: 2_000 },
    )
  })

  test('a calculated payslip keeps only its amounts and what is not usual (the health label with 介護・支援金)', () => {
    const { paymentDate, periodEndDate, establishment, ...employee } = EXAMPLE_MONTHLY_INPUT
    const payroll = prepareMonthlyPayroll({ paymentDate, periodEndDate, establishment })(employee)
    const text = encodePayslipLines(payroll.earnings, payroll.deductions, payroll.employerShares)
    assert.equal(
      text,
      '[[["base-pay",300000],["allowance:position",20000,"役職手当"],["allowance:family",10000,"家族手当"],' +
        '["commuting-non-taxable",12000],["overtime",50000],["legal-holiday",21600],["late-night",1000],' +
        '["absence-deduction",-15000],["late-early-deduction",-937]],' +
        '[["health-insurance",19890,"健康保険料(介護・支援金含む)"],["pension-insurance",31110],' +
        '["employment-insurance",1993],["income-tax",7670],["resident-tax",15000],["deduction:housing",10000,"社宅費"]],' +
        '[1989000,3111000,122400,338895]]',
    )
    assert.deepEqual(decodePayslipLines(text), {
      earnings: payroll.earnings,
      deductions: payroll.deductions,
      employerSharesSen: payroll.employerShares,
    })
  })

  test('attendance: ten counts in a fixed order, as an array literal', () => {
    const attendance = EXAMPLE_MONTHLY_INPUT.attendance
    assert.equal(encodeAttendance(attendance), '{20,19,1,0,0,30,0,1200,120,480}')
    assert.deepEqual(decodeAttendance([20, 19, 1, 0, 0, 30, 0, 1200, 120, 480]), attendance)
  })
})
