import assert from 'node:assert/strict'
import { test } from 'node:test'
import { percent } from '../../money/rate.ts'
import { BONUS_RATES_2026_01 } from './bonus-rates-2026-01.ts'

test('賞与算出率表 令和8年分: 21 rows from 0% to 45.945% (withholding.md)', () => {
  assert.equal(BONUS_RATES_2026_01.kou.length, 21)
  assert.deepEqual(BONUS_RATES_2026_01.kou[20]!.rate, percent('45.945'))
})

test('each dependant column ascends down the rows, so a higher X never gives a lower rate', () => {
  for (let dependents = 0; dependents < 8; dependents += 1) {
    for (let row = 1; row < BONUS_RATES_2026_01.kou.length; row += 1) {
      const above = BONUS_RATES_2026_01.kou[row - 1]!.fromByDependents[dependents]!
      const here = BONUS_RATES_2026_01.kou[row]!.fromByDependents[dependents]!
      assert.ok(here > above || (row === 1 && here > 0), `column ${dependents}, row ${row}`)
    }
  }
})

test('each row does not descend across dependants, so more dependants never give a higher rate', () => {
  for (const row of BONUS_RATES_2026_01.kou) {
    for (let dependents = 1; dependents < 8; dependents += 1) {
      assert.ok(row.fromByDependents[dependents]! >= row.fromByDependents[dependents - 1]!)
    }
  }
})
