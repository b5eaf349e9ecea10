import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { RulesError } from '../errors.ts'
import { findTableInForce, findTableInForceSinceIntroduction } from './find-table-in-force.ts'
import type { TableKind } from './table-kinds.ts'
import { TABLE_VERSIONS } from './table-versions.ts'

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

function assertNotInForce(fn: () => unknown, date: string, nameJa: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof RulesError)
    assert.equal(error.code, 'TABLE_NOT_IN_FORCE')
    assert.equal(error.field, 'date')
    assert.ok(error.messageJa.includes(date), error.messageJa)
    assert.ok(error.messageJa.includes(nameJa), error.messageJa)
    return true
  })
}

const NAMES: Record<TableKind, string> = {
  'health-standard-remuneration': '健康保険 標準報酬月額表',
  'pension-standard-remuneration': '厚生年金保険 標準報酬月額表',
  'kyokai-kenpo-rates': '協会けんぽ',
  'pension-rate': '厚生年金保険料率',
  'child-support-levy': '子ども・子育て支援金率',
  'child-contribution': '子ども・子育て拠出金率',
  'employment-insurance-rates': '雇用保険料率',
  'standard-bonus-caps': '標準賞与額の上限',
  'withholding-computer-method': '電算機計算の特例',
  'withholding-otsu-monthly': '月額表乙欄',
  'withholding-bonus-rates': '算出率の表',
  'commuting-allowance-exemption': '通勤手当の非課税限度額',
  'statutory-premium-wage-rates': '割増賃金率',
}

describe('findTableInForce: every version, both ends of its period', () => {
  for (const kind of Object.keys(TABLE_VERSIONS) as TableKind[]) {
    const versions = TABLE_VERSIONS[kind]
    test(`${kind}: periods ascend and do not overlap, each with a source`, () => {
      assert.ok(versions.length > 0)
      for (const [i, table] of versions.entries()) {
        assert.equal(table.kind, kind)
        assert.ok(table.source.document.length > 0 && table.source.verification.length > 0)
        if (table.effectiveTo !== null) assert.ok(table.effectiveFrom < table.effectiveTo)
        const next = versions[i + 1]
        if (next) assert.ok(table.effectiveTo !== null && table.effectiveTo <= next.effectiveFrom)
      }
    })
    for (const table of versions) {
      test(`${table.id}: in force from ${table.effectiveFrom} (inclusive)`, () => {
        assert.equal(findTableInForce(kind, table.effectiveFrom), table)
      })
      if (table.effectiveTo !== null) {
        test(`${table.id}: in force on ${dayBefore(table.effectiveTo)}, not on ${table.effectiveTo} (exclusive)`, () => {
          assert.equal(findTableInForce(kind, dayBefore(table.effectiveTo!)), table)
          let atEnd: unknown = null
          try {
            atEnd = findTableInForce(kind, table.effectiveTo!)
          } catch (error) {
            assert.equal((error as RulesError).code, 'TABLE_NOT_IN_FORCE')
          }
          assert.notEqual(atEnd, table)
        })
      }
    }
    const first = versions[0]!
    test(`${kind}: the day before the first table is refused with TABLE_NOT_IN_FORCE`, () => {
      const date = dayBefore(first.effectiveFrom)
      assertNotInForce(() => findTableInForce(kind, date), date, NAMES[kind])
    })
    const last = versions[versions.length - 1]!
    if (last.effectiveTo !== null) {
      test(`${kind}: the end of the last table (${last.effectiveTo}) is refused`, () => {
        assertNotInForce(() => findTableInForce(kind, last.effectiveTo!), last.effectiveTo!, NAMES[kind])
      })
    }
  }
})

describe('findTableInForce: the switch dates of README.md, effective-date conventions', () => {
  test('協会けんぽ: 令和8年2月分 uses 令和7年度 rates, 令和8年3月分 uses 令和8年度 rates', () => {
    assert.equal(findTableInForce('kyokai-kenpo-rates', '2026-02-28').id, 'kyokai-kenpo-2025-03')
    assert.equal(findTableInForce('kyokai-kenpo-rates', '2026-03-01').id, 'kyokai-kenpo-2026-03')
  })
  test('雇用保険: 賃金締切日 2026-03-31 uses 令和7年度, 2026-04-01 uses 令和8年度', () => {
    assert.equal(
      findTableInForce('employment-insurance-rates', '2026-03-31').id,
      'employment-insurance-2025-04',
    )
    assert.equal(
      findTableInForce('employment-insurance-rates', '2026-04-01').id,
      'employment-insurance-2026-04',
    )
  })
  test('源泉徴収: 支払日 2025-12-31 uses 令和7年分, 2026-01-01 uses 令和8年分', () => {
    assert.equal(findTableInForce('withholding-computer-method', '2025-12-31').id, 'computer-method-2020-01')
    assert.equal(findTableInForce('withholding-computer-method', '2026-01-01').id, 'computer-method-2026-01')
  })
  test('厚年 標準報酬月額表 is refused from 2027-09 (ceiling rise; new grades UNCONFIRMED)', () => {
    assertNotInForce(
      () => findTableInForce('pension-standard-remuneration', '2027-09-01'),
      '2027-09-01',
      '厚生年金',
    )
  })
  test('賞与の算出率の表: 令和7年分 is the 令和2年分〜令和7年分 table, 令和元年分 is refused', () => {
    assert.equal(findTableInForce('withholding-bonus-rates', '2025-12-10').id, 'bonus-rates-2020-01')
    assertNotInForce(
      () => findTableInForce('withholding-bonus-rates', '2019-12-10'),
      '2019-12-10',
      '算出率の表',
    )
  })
})

describe('findTableInForceSinceIntroduction', () => {
  test('子ども・子育て支援金: 令和8年3月分 owes none (null); 令和8年4月分 is 0.23%', () => {
    assert.equal(findTableInForceSinceIntroduction('child-support-levy', '2026-03-31'), null)
    assert.deepEqual(findTableInForceSinceIntroduction('child-support-levy', '2026-04-01')?.rate, {
      numerator: 23,
      denominator: 10_000,
    })
  })
  test('after the last known 年度 it still refuses', () => {
    assertNotInForce(
      () => findTableInForceSinceIntroduction('child-support-levy', '2027-04-01'),
      '2027-04-01',
      '支援金',
    )
  })
})

describe('dates are validated', () => {
  test('a date not in YYYY-MM-DD form is DATE_FORMAT', () => {
    assert.throws(() => findTableInForce('pension-rate', '2026/04/01'), { code: 'DATE_FORMAT' })
  })
  test('2026-02-29 does not exist: DATE_INVALID', () => {
    assert.throws(() => findTableInForce('pension-rate', '2026-02-29'), { code: 'DATE_INVALID' })
  })
})
