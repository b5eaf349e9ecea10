import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { calculateMonthlyPayroll, type MonthlyPayrollInput } from './monthly-payroll.ts'
import { EXAMPLE_MONTHLY_INPUT, QUIET_MONTH } from './test-fixtures.ts'

function amounts(lines: readonly { code: string; amount: number }[]): Record<string, number> {
  return Object.fromEntries(lines.map((l) => [l.code, l.amount]))
}

/**
 * Worked example 1 (hand-derived; every rule cited where it is used): 令和8年5月25日支給, 締切 5月20日,
 * 東京, 翌月徴収, 月給 300,000円, 役職手当 20,000円, 家族手当 10,000円 (扶養人数に応じた支給: excluded from the
 * 割増賃金の基礎), 通勤手当 12,000円 (定期代 12,000円), 月平均所定労働時間 160時間, 1日 8時間.
 * Attendance: 欠勤 1日, 遅刻 30分, 時間外 20時間, 深夜 2時間, 法定休日 8時間. 標準報酬月額 340,000円
 * (健保・厚年), born 1980-07-10 (45歳: 介護 charged), 甲欄 扶養1人, 住民税 15,000円, 社宅費 10,000円.
 *
 * - 割増賃金の基礎 (労基則19条1項4号, 37条5項): (300,000 + 20,000) ÷ 160h = 2,000円/h.
 * - 時間外 20h × 2,000 × 1.25 = 50,000; 休日 8h × 2,000 × 1.35 = 21,600; 深夜 2h × 2,000 × 0.25 = 1,000
 *   (premium-wage-rates-2023-04.ts, 厚労省 leaflet 000930914.pdf).
 * - 欠勤控除 300,000 × 480分 ÷ 9,600分 = 15,000; 遅刻早退控除 300,000 × 30 ÷ 9,600 = 937.5 → 937 (切捨て).
 * - 通勤手当 12,000 ≤ 運賃 12,000 ≤ 150,000: 全額非課税 (No.2582).
 * - 総支給 300,000 + 20,000 + 10,000 + 12,000 + 50,000 + 21,600 + 1,000 − 15,000 − 937 = 398,663;
 *   課税 386,663.
 * - 令和8年4月分 保険料 (翌月徴収), 東京 R8: 340,000 × (9.85 + 1.62 + 0.23)% = 39,780 → 19,890
 *   (premiums.md, 協会けんぽ R8; 介護 1.62%; 支援金 0.23%); 厚年 340,000 × 18.3% = 62,220 → 31,110.
 * - 雇用保険 令和8年度 一般 5/1000: 398,663 × 0.005 = 1,993.315 → 1,993 (50銭以下切捨て; premiums.md).
 * - 源泉 令和8年分 甲 扶養1 (withholding.md, Steps): A = 386,663 − 52,993 = 333,670; 給与所得控除
 *   333,670 × 20% + 36,667 = 103,401; B = 333,670 − 103,401 − 31,667 − 48,334 = 150,268;
 *   150,268 × 5.105% = 7,671.18 → 7,670 (10円未満四捨五入).
 * - 控除 52,993 + 7,670 + 15,000 + 10,000 = 85,663; 差引 398,663 − 85,663 = 313,000.
 */
describe('月次給与 worked example 1: 月給・手当・残業・欠勤・通勤 (令和8年5月支給, 東京)', () => {
  const result = calculateMonthlyPayroll(EXAMPLE_MONTHLY_INPUT)

  test('支給: every line, in payslip order', () => {
    assert.deepEqual(
      result.earnings.map((l) => [l.code, l.labelJa, l.amount]),
      [
        ['base-pay', '基本給', 300_000],
        ['allowance:position', '役職手当', 20_000],
        ['allowance:family', '家族手当', 10_000],
        ['commuting-non-taxable', '通勤手当(非課税)', 12_000],
        ['overtime', '時間外労働手当', 50_000],
        ['legal-holiday', '休日労働手当', 21_600],
        ['late-night', '深夜労働手当', 1_000],
        ['absence-deduction', '欠勤控除', -15_000],
        ['late-early-deduction', '遅刻早退控除', -937],
      ],
    )
  })

  test('控除: 健保 (介護・支援金含む), 厚年, 雇用, 所得税, 住民税, 社宅費', () => {
    assert.deepEqual(
      result.deductions.map((l) => [l.code, l.labelJa, l.amount]),
      [
        ['health-insurance', '健康保険料(介護・支援金含む)', 19_890],
        ['pension-insurance', '厚生年金保険料', 31_110],
        ['employment-insurance', '雇用保険料', 1_993],
        ['income-tax', '所得税', 7_670],
        ['resident-tax', '住民税', 15_000],
        ['deduction:housing', '社宅費', 10_000],
      ],
    )
  })

  test('合計: 総支給 398,663円, 控除 85,663円, 差引支給額 313,000円', () => {
    assert.deepEqual(result.totals, {
      grossPay: 398_663,
      taxablePay: 386_663,
      nonTaxablePay: 12_000,
      socialInsurance: 52_993,
      incomeTax: 7_670,
      residentTax: 15_000,
      otherDeductions: 10_000,
      totalDeductions: 85_663,
      netPay: 313_000,
    })
  })

  test('事業主負担 in 銭: 健保 19,890円, 厚年 31,110円, 拠出金 340,000 × 0.36% = 1,224円, 雇用 5,381.95 − 1,993 円', () => {
    assert.deepEqual(result.employerShares, {
      healthSen: 1_989_000,
      pensionSen: 3_111_000,
      childContributionSen: 122_400,
      employmentSen: 338_895,
    })
  })

  test('the premium month is 令和8年4月分 and every table used is named', () => {
    assert.equal(result.premiumMonth, '2026-04-01')
    assert.deepEqual(result.tableIds, [
      'child-contribution-2026-04',
      'child-support-levy-2026-04',
      'commuting-allowance-2026-04',
      'computer-method-2026-01',
      'employment-insurance-2026-04',
      'kyokai-kenpo-2026-03',
      'pension-rate-2017-09',
      'premium-wage-rates-2023-04',
    ])
  })

  test('each line explains itself in Japanese', () => {
    assert.match(amountsExplanation(result, 'overtime'), /2,000円/)
    assert.match(amountsExplanation(result, 'overtime'), /基礎に算入しない賃金.*家族手当.*通勤手当/)
    assert.match(amountsExplanation(result, 'health-insurance'), /^令和8年4月分の保険料 \(翌月徴収\)/)
    assert.match(amountsExplanation(result, 'income-tax'), /課税給与所得金額150,268円/)
  })

  test('the same input gives the same result (deterministic)', () => {
    assert.deepEqual(calculateMonthlyPayroll(EXAMPLE_MONTHLY_INPUT), result)
  })
})

function amountsExplanation(result: ReturnType<typeof calculateMonthlyPayroll>, code: string): string {
  const line = [...result.earnings, ...result.deductions].find((l) => l.code === code)
  assert.ok(line, code)
  return line.explanationJa
}

/**
 * Worked example 2 (hand-derived): a part-timer paid by the hour, 令和7年12月10日支給, 締切 11月30日.
 * 時給 1,200円; 100時間 worked + 有給 1日 (8時間); 法定内残業 3h, 時間外 70h (60h + 10h), 深夜 5h. Car,
 * 片道 12km, 通勤手当 8,000円. Not in 健保・厚年; in 雇用保険. 甲欄 扶養0.
 *
 * - 基本給 (100h + 8h) × 1,200 = 129,600; 法定内残業 3h × 1,200 = 3,600; 時間外 60h × 1,200 × 1.25 = 90,000
 *   and 10h × 1,200 × 1.50 = 18,000 (月60時間超); 深夜 5h × 1,200 × 0.25 = 1,500.
 * - 通勤: 10km以上15km未満 7,300円 (令和7年4月以後支払分, commuting-allowance-2025-04.ts): 非課税 7,300, 課税 700.
 * - 総支給 250,700; 課税 243,400. 雇用 令和7年度 5.5/1000: 1,378.85 → 1,379 (50銭超切上げ).
 * - 源泉 令和7年分: A = 243,400 − 1,379 = 242,021; 給与所得控除 ⌈72,606.3⌉ + 6,667 = 79,274;
 *   B = 242,021 − 79,274 − 40,000 = 122,747; × 5.105% = 6,266.23 → 6,270. 差引 250,700 − 7,649 = 243,051.
 */
describe('月次給与 worked example 2: 時給・月60時間超・マイカー通勤 (令和7年12月支給)', () => {
  const input: MonthlyPayrollInput = {
    ...EXAMPLE_MONTHLY_INPUT,
    paymentDate: '2025-12-10',
    periodEndDate: '2025-11-30',
    employee: {
      person: { birthDate: '1990-01-15' },
      healthStandardMonthlyRemuneration: null,
      pensionStandardMonthlyRemuneration: null,
      employmentInsured: true,
      withholdingColumn: 'kou',
      dependents: 0,
    },
    salary: {
      ...EXAMPLE_MONTHLY_INPUT.salary,
      basis: { kind: 'hourly', hourlyAmount: 1_200 },
      allowances: [],
      commuting: {
        amount: 8_000,
        transitMonthlyFare: null,
        vehicleOneWayMeters: 12_000,
        parkingMonthlyFee: null,
      },
    },
    attendance: {
      ...QUIET_MONTH,
      workedDays: 14,
      paidLeaveDays: 1,
      workedMinutes: 100 * 60,
      withinStatutoryOvertimeMinutes: 3 * 60,
      statutoryOvertimeMinutes: 70 * 60,
      lateNightMinutes: 5 * 60,
    },
    residentTax: 0,
    otherDeductions: [],
  }
  const result = calculateMonthlyPayroll(input)

  test('支給', () => {
    assert.deepEqual(amounts(result.earnings), {
      'base-pay': 129_600,
      'commuting-non-taxable': 7_300,
      'commuting-taxable': 700,
      'within-statutory-overtime': 3_600,
      overtime: 90_000,
      'overtime-beyond-threshold': 18_000,
      'late-night': 1_500,
    })
  })

  test('控除 and 差引支給額 243,051円', () => {
    assert.deepEqual(amounts(result.deductions), { 'employment-insurance': 1_379, 'income-tax': 6_270 })
    assert.equal(result.totals.grossPay, 250_700)
    assert.equal(result.totals.taxablePay, 243_400)
    assert.equal(result.totals.netPay, 243_051)
    assert.deepEqual(result.employerShares, {
      healthSen: 0,
      pensionSen: 0,
      childContributionSen: 0,
      employmentSen: 225_615,
    })
  })
})

describe('月次給与: the month the premiums are for', () => {
  test('翌月徴収 in April deducts 3月分 (R8 協会けんぽ rates, no 支援金); 当月徴収 deducts 4月分 (支援金)', () => {
    const april = { ...EXAMPLE_MONTHLY_INPUT, paymentDate: '2026-04-24', periodEndDate: '2026-04-20' }
    const following = calculateMonthlyPayroll(april)
    assert.equal(following.premiumMonth, '2026-03-01')
    // 340,000 × (9.85 + 1.62)% = 38,998 → 19,499.
    assert.equal(amounts(following.deductions)['health-insurance'], 19_499)
    const same = calculateMonthlyPayroll({
      ...april,
      establishment: { ...april.establishment, premiumCollection: 'same-month' },
    })
    assert.equal(same.premiumMonth, '2026-04-01')
    assert.equal(amounts(same.deductions)['health-insurance'], 19_890)
  })

  test('介護 by the premium month: born 1986-05-02 turns 40 on 2026-05-01, so 5月分 is charged and 4月分 is not', () => {
    const person = { birthDate: '1986-05-02' }
    const input = (paymentDate: string) => ({
      ...EXAMPLE_MONTHLY_INPUT,
      paymentDate,
      employee: { ...EXAMPLE_MONTHLY_INPUT.employee, person },
    })
    // 翌月徴収: the May pay deducts 4月分 (not charged), the June pay 5月分 (charged).
    const may = calculateMonthlyPayroll(input('2026-05-25'))
    const june = calculateMonthlyPayroll(input('2026-06-25'))
    assert.equal(may.deductions[0]!.labelJa, '健康保険料(支援金含む)')
    assert.equal(june.deductions[0]!.labelJa, '健康保険料(介護・支援金含む)')
  })
})

describe('月次給与: refusals name the field and say what to do', () => {
  test('negative hours are ARGUMENT_INVALID on their field', () => {
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          attendance: { ...EXAMPLE_MONTHLY_INPUT.attendance, statutoryOvertimeMinutes: -60 },
        }),
      (error: unknown) => {
        assert.equal((error as { code: string }).code, 'ARGUMENT_INVALID')
        assert.equal((error as { field: string }).field, 'attendance.statutoryOvertimeMinutes')
        assert.match((error as { messageJa: string }).messageJa, /時間外労働の時間/)
        return true
      },
    )
  })
  test('fractional minutes and more absence than scheduled days are refused', () => {
    const attendance = EXAMPLE_MONTHLY_INPUT.attendance
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          attendance: { ...attendance, lateNightMinutes: 1.5 },
        }),
      { code: 'ARGUMENT_INVALID', field: 'attendance.lateNightMinutes' },
    )
    assert.throws(
      () =>
        calculateMonthlyPayroll({ ...EXAMPLE_MONTHLY_INPUT, attendance: { ...attendance, absentDays: 21 } }),
      { code: 'ARGUMENT_INVALID', field: 'attendance.absentDays' },
    )
  })
  test('overtime in a period ending before 令和5年4月 is TABLE_NOT_IN_FORCE (割増賃金率)', () => {
    assert.throws(
      () => calculateMonthlyPayroll({ ...EXAMPLE_MONTHLY_INPUT, periodEndDate: '2023-03-31' }),
      (error: unknown) => {
        assert.equal((error as { code: string }).code, 'TABLE_NOT_IN_FORCE')
        assert.match((error as { messageJa: string }).messageJa, /割増賃金率/)
        return true
      },
    )
  })
  test('a payment in 令和9年 is TABLE_NOT_IN_FORCE until that year’s withholding table is added', () => {
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          paymentDate: '2027-01-25',
          periodEndDate: '2027-01-20',
        }),
      { code: 'TABLE_NOT_IN_FORCE' },
    )
  })
  test('a 標準報酬月額 that is no grade is AMOUNT_INVALID', () => {
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          employee: { ...EXAMPLE_MONTHLY_INPUT.employee, healthStandardMonthlyRemuneration: 345_000 },
        }),
      { code: 'AMOUNT_INVALID', field: 'base' },
    )
  })
  test('a commuting allowance with neither fare nor distance cannot find its 非課税限度額', () => {
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          salary: {
            ...EXAMPLE_MONTHLY_INPUT.salary,
            commuting: {
              amount: 5_000,
              transitMonthlyFare: null,
              vehicleOneWayMeters: null,
              parkingMonthlyFee: null,
            },
          },
        }),
      { code: 'ARGUMENT_INVALID', field: 'salary.commuting' },
    )
  })
  test('repeated allowance codes, empty labels and negative deductions are refused', () => {
    const allowance = EXAMPLE_MONTHLY_INPUT.salary.allowances[0]!
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          salary: { ...EXAMPLE_MONTHLY_INPUT.salary, allowances: [allowance, allowance] },
        }),
      { code: 'ARGUMENT_INVALID', field: 'salary.allowances[1].code' },
    )
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          salary: { ...EXAMPLE_MONTHLY_INPUT.salary, allowances: [{ ...allowance, labelJa: ' ' }] },
        }),
      { code: 'ARGUMENT_INVALID', field: 'salary.allowances[0].labelJa' },
    )
    assert.throws(
      () =>
        calculateMonthlyPayroll({
          ...EXAMPLE_MONTHLY_INPUT,
          otherDeductions: [{ code: 'x', labelJa: '財形', amount: -1 }],
        }),
      { code: 'AMOUNT_INVALID', field: 'otherDeductions[0].amount' },
    )
    assert.throws(() => calculateMonthlyPayroll({ ...EXAMPLE_MONTHLY_INPUT, residentTax: -1 }), {
      code: 'AMOUNT_INVALID',
      field: 'residentTax',
    })
  })
})

describe('月次給与: edges', () => {
  test('deductions larger than the pay give a negative 差引支給額 rather than hiding the shortfall', () => {
    const result = calculateMonthlyPayroll({
      ...EXAMPLE_MONTHLY_INPUT,
      attendance: { ...QUIET_MONTH, workedDays: 0, absentDays: 20 },
      otherDeductions: [{ code: 'loan', labelJa: '貸付金返済', amount: 200_000 }],
    })
    assert.ok(result.totals.netPay < 0)
    assert.equal(result.totals.netPay, result.totals.grossPay - result.totals.totalDeductions)
  })
  test('an absence of every scheduled day by the days-of-this-month rule deducts the whole salary, no more', () => {
    const result = calculateMonthlyPayroll({
      ...EXAMPLE_MONTHLY_INPUT,
      salary: { ...EXAMPLE_MONTHLY_INPUT.salary, absenceRule: 'days-of-this-month' },
      attendance: { ...QUIET_MONTH, workedDays: 0, absentDays: 20, lateEarlyMinutes: 60 },
    })
    const lines = amounts(result.earnings)
    assert.equal(lines['absence-deduction'], -300_000)
    assert.equal(lines['late-early-deduction'], undefined)
  })
  test('no 住民税 and no overtime: no line for them', () => {
    const result = calculateMonthlyPayroll({
      ...EXAMPLE_MONTHLY_INPUT,
      attendance: QUIET_MONTH,
      residentTax: 0,
    })
    const codes = [...result.earnings, ...result.deductions].map((l) => l.code)
    assert.ok(!codes.includes('resident-tax'))
    assert.ok(!codes.includes('overtime'))
    assert.ok(!result.tableIds.includes('premium-wage-rates-2023-04'))
  })
  test('日給: 日給 × (出勤日数 + 有給日数); 割増賃金の基礎は日給 ÷ 1日の所定労働時間', () => {
    const result = calculateMonthlyPayroll({
      ...EXAMPLE_MONTHLY_INPUT,
      salary: {
        ...EXAMPLE_MONTHLY_INPUT.salary,
        basis: { kind: 'daily', dailyAmount: 12_000 },
        allowances: [],
      },
      attendance: { ...QUIET_MONTH, workedDays: 18, paidLeaveDays: 2, statutoryOvertimeMinutes: 60 },
    })
    const lines = amounts(result.earnings)
    assert.equal(lines['base-pay'], 240_000)
    // 12,000 ÷ 8h = 1,500/h; × 1.25 = 1,875.
    assert.equal(lines.overtime, 1_875)
  })
})
