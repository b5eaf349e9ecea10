import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { RulesError } from '../errors.ts'
import {
  assertValidCorporateNumber,
  computeCorporateNumberCheckDigit,
  isValidCorporateNumber,
} from './check-digit.ts'

// 法人番号の指定等に関する省令 第2条 as written: P_n from the right, Q_n = 1 (odd), 2 (even).
function sumPerOrdinance(base12: string): number {
  let sum = 0
  for (let n = 1; n <= 12; n++) {
    sum += Number(base12[12 - n]) * (n % 2 === 1 ? 1 : 2)
  }
  return sum
}

const base12 = fc.stringMatching(/^[0-9]{12}$/)
const withCheckDigit = (base: string) => `${computeCorporateNumberCheckDigit(base)}${base}`

function replaceDigit(s: string, index: number, digit: number): string {
  return `${s.slice(0, index)}${digit}${s.slice(index + 1)}`
}

describe('法人番号の検査用数字（法人番号の指定等に関する省令 2条、国税庁 checkdigit.pdf）', () => {
  // identifiers.md, 法人番号, test vectors.
  const vectors = [
    { number: '7000012050002', note: '国税庁' },
    { number: '1180301018771', note: 'corporate-number-jp README の例' },
    { number: '7123456789012', note: 'synthetic' },
    { number: '9000000000000', note: 'Σ = 0 の端' },
  ]
  for (const v of vectors) {
    it(`identifiers.md 法人番号のテストベクタ: ${v.number}（${v.note}）`, () => {
      assert.equal(computeCorporateNumberCheckDigit(v.number.slice(1)), Number(v.number[0]))
      assert.equal(isValidCorporateNumber(v.number), true)
      assert.doesNotThrow(() => assertValidCorporateNumber(v.number))
    })
  }

  it('property: agrees with the ordinance written from the right', () => {
    fc.assert(
      fc.property(
        base12,
        (base) => computeCorporateNumberCheckDigit(base) === 9 - (sumPerOrdinance(base) % 9),
      ),
    )
  })

  it('property: 検査用数字は常に1〜9で、正しい番号は常に有効', () => {
    fc.assert(
      fc.property(base12, (base) => {
        const number = withCheckDigit(base)
        return number[0] !== '0' && isValidCorporateNumber(number)
      }),
    )
  })

  it('property: 検査用数字を変えると常に無効', () => {
    fc.assert(
      fc.property(base12, fc.integer({ min: 1, max: 9 }), (base, delta) => {
        const valid = withCheckDigit(base)
        return !isValidCorporateNumber(replaceDigit(valid, 0, (Number(valid[0]) + delta) % 10))
      }),
    )
  })

  it('property: 基礎番号の1桁誤りは 0 と 9 の取り違えを除き常に検出される（mod 9 の限界）', () => {
    fc.assert(
      fc.property(
        base12,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (base, index, delta) => {
          const valid = withCheckDigit(base)
          const before = Number(valid[index])
          const after = (before + delta) % 10
          const undetectable = Math.abs(after - before) === 9
          assert.equal(isValidCorporateNumber(replaceDigit(valid, index, after)), undetectable)
        },
      ),
    )
  })
})

describe('法人番号の形式', () => {
  it('13桁の半角数字で先頭が1〜9のもの以外は無効', () => {
    for (const s of [
      '',
      '700001205000',
      '70000120500021',
      '０７０００１２０５０００２',
      '7000-0120-50002',
      '0000000000000',
    ]) {
      assert.equal(isValidCorporateNumber(s), false, s)
      assert.throws(() => assertValidCorporateNumber(s), {
        code: 'CORPORATE_NUMBER_FORMAT',
        field: 'corporateNumber',
      })
    }
  })

  it('検査用数字の誤りは CORPORATE_NUMBER_CHECK_DIGIT、番号をメッセージに含めない', () => {
    assert.throws(
      () => assertValidCorporateNumber('8000012050002', 'client.corporateNumber'),
      (error: unknown) =>
        error instanceof RulesError &&
        error.code === 'CORPORATE_NUMBER_CHECK_DIGIT' &&
        error.field === 'client.corporateNumber' &&
        !error.message.includes('8000012050002') &&
        !error.messageJa.includes('8000012050002'),
    )
  })

  it('computeCorporateNumberCheckDigit refuses anything but 12 ASCII digits', () => {
    for (const s of ['', '00001205000', '0000120500021', '００００１２０５０００２']) {
      assert.throws(() => computeCorporateNumberCheckDigit(s), { code: 'CORPORATE_NUMBER_FORMAT' })
    }
  })
})
