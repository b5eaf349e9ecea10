import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { roundEmployeeShare, type ShareRounding } from './share-rounding.ts'

const sen = (amountSen: number) => ({ numerator: amountSen, denominator: 100 })

describe('被保険者負担分の端数処理 (premiums.md, Rounding rules; 通貨の単位及び貨幣の発行等に関する法律3条)', () => {
  const cases: [ShareRounding, number, number][] = [
    ['deduct-from-pay', 545_049, 5_450],
    ['deduct-from-pay', 545_050, 5_450],
    ['deduct-from-pay', 545_051, 5_451],
    ['paid-in-cash', 545_049, 5_450],
    ['paid-in-cash', 545_050, 5_451],
    ['paid-in-cash', 545_051, 5_451],
    ['agreement-round-down', 545_099, 5_450],
    ['agreement-round-up', 545_001, 5_451],
    ['agreement-round-up', 545_000, 5_450],
  ]
  for (const [rounding, amountSen, expected] of cases) {
    test(`${rounding}: ${amountSen / 100}円 → ${expected}円`, () => {
      assert.equal(roundEmployeeShare(sen(amountSen), rounding), expected)
    })
  }
  test('給与から控除: 50銭以下切捨て、50銭超切上げ — the exact fraction decides, not a 銭 rounding (5,450.5001円 → 5,451円)', () => {
    assert.equal(roundEmployeeShare({ numerator: 54_505_001, denominator: 10_000 }, 'deduct-from-pay'), 5_451)
  })
})
