import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import {
  buildPrefectureFixtureInputs,
  FIXTURE_DATE,
  FIXTURE_SEED,
  type PrefectureFixtureInput,
} from '../../test/fixtures/prefecture-fixture-inputs.ts'
import { formatPercent } from '../money/rate.ts'
import { PREFECTURES } from '../prefectures/prefecture-codes.ts'
import { withholdMonthlyKouByComputer } from '../withholding/computer-method.ts'
import { calculateEmploymentInsurancePremium } from './employment-insurance-premium.ts'
import { calculateMonthlyPremiums } from './monthly-premiums.ts'

/**
 * Issue 6 acceptance: for ten synthetic employees per prefecture, Mamori's premiums and withholding
 * equal an independent, hand-checked table. The expected values come from
 * test/fixtures/derive_prefecture_premiums.py (its own transcription of the domain files, exact
 * fractions); three rows are checked by hand in test/fixtures/derivation.md.
 */
type Expected = {
  healthGrade: number
  healthStandard: number
  pensionGrade: number
  pensionStandard: number
  longTermCare: boolean
  healthRatePercent: string
  healthTotalSen: number
  healthEmployee: number
  healthEmployerSen: number
  pensionTotalSen: number
  pensionEmployee: number
  pensionEmployerSen: number
  childContributionSen: number
  employmentTotalSen: number
  employmentEmployee: number
  employmentEmployerSen: number
  socialInsuranceTotal: number
  amountAfterSocialInsurance: number
  employmentIncomeDeduction: number
  dependentDeduction: number
  basicDeduction: number
  taxableAmount: number
  tax: number
}

type FixtureRow = PrefectureFixtureInput & { expected: Expected }

const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/prefecture-premiums-2026.json', import.meta.url), 'utf8'),
) as { seed: string; date: string; rows: FixtureRow[] }

function compute(row: PrefectureFixtureInput): Expected {
  const premiums = calculateMonthlyPremiums({
    date: FIXTURE_DATE,
    prefecture: row.prefectureCode,
    remuneration: row.salary,
    person: { birthDate: row.birthDate },
    rounding: row.rounding,
  })
  const employment = calculateEmploymentInsurancePremium({
    date: FIXTURE_DATE,
    wages: row.salary,
    businessType: row.businessType,
    rounding: row.rounding,
  })
  const socialInsurance = premiums.employeeTotal + employment.employeeShare
  const tax = withholdMonthlyKouByComputer({
    date: FIXTURE_DATE,
    pay: row.salary,
    socialInsurance,
    dependents: row.dependents,
  })
  return {
    healthGrade: premiums.health.grade,
    healthStandard: premiums.health.standardMonthlyRemuneration,
    pensionGrade: premiums.pension.grade,
    pensionStandard: premiums.pension.standardMonthlyRemuneration,
    longTermCare: premiums.longTermCare.insured,
    healthRatePercent: formatPercent(premiums.healthInsurance.rate).replace('%', ''),
    healthTotalSen: premiums.healthInsurance.totalSen,
    healthEmployee: premiums.healthInsurance.employeeShare,
    healthEmployerSen: premiums.healthInsurance.employerShareSen,
    pensionTotalSen: premiums.pensionInsurance.totalSen,
    pensionEmployee: premiums.pensionInsurance.employeeShare,
    pensionEmployerSen: premiums.pensionInsurance.employerShareSen,
    childContributionSen: premiums.childContribution.employerShareSen,
    employmentTotalSen: employment.totalSen,
    employmentEmployee: employment.employeeShare,
    employmentEmployerSen: employment.employerShareSen,
    socialInsuranceTotal: socialInsurance,
    amountAfterSocialInsurance: tax.amountAfterSocialInsurance,
    employmentIncomeDeduction: tax.employmentIncomeDeduction,
    dependentDeduction: tax.dependentDeduction,
    basicDeduction: tax.basicDeduction,
    taxableAmount: tax.taxableAmount,
    tax: tax.tax,
  }
}

describe('都道府県別の独立検算表 (test/fixtures/prefecture-premiums-2026.json)', () => {
  test('入力は合成データ生成器 (固定シード) の出力そのもの: 47都道府県 × 10人', () => {
    assert.equal(fixture.seed, FIXTURE_SEED)
    assert.equal(fixture.date, FIXTURE_DATE)
    const inputs = fixture.rows.map(({ expected: _, ...input }) => input)
    assert.deepEqual(inputs, buildPrefectureFixtureInputs())
    for (const p of PREFECTURES) {
      assert.equal(fixture.rows.filter((r) => r.prefectureCode === p.code).length, 10, p.name)
    }
  })

  test('表が端を含む: 介護あり・なし、扶養0〜7人、現金払い、等級の境界と1円下、最上位等級、税額0', () => {
    const rows = fixture.rows
    assert.ok(rows.some((r) => r.expected.longTermCare) && rows.some((r) => !r.expected.longTermCare))
    for (let n = 0; n <= 7; n++)
      assert.ok(
        rows.some((r) => r.dependents === n),
        `扶養${n}人`,
      )
    assert.ok(rows.some((r) => r.rounding === 'paid-in-cash'))
    assert.ok(
      rows.some((r) => r.expected.healthGrade === 1) || rows.some((r) => r.expected.pensionGrade === 1),
    )
    assert.ok(rows.some((r) => r.expected.pensionGrade === 32))
    assert.ok(rows.some((r) => r.salary % 1000 === 0) && rows.some((r) => r.salary % 1000 === 999))
    assert.ok(rows.some((r) => r.expected.tax === 0) && rows.some((r) => r.expected.tax > 100_000))
  })

  for (const prefecture of PREFECTURES) {
    test(`${prefecture.name}: 10人の保険料と源泉徴収税額が独立実装と一致`, () => {
      for (const row of fixture.rows.filter((r) => r.prefectureCode === prefecture.code)) {
        assert.deepEqual(compute(row), row.expected, `row ${row.id}`)
      }
    })
  }
})
