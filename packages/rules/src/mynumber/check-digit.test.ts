import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { RulesError } from '../errors.ts'
import { assertValidMyNumber, computeMyNumberCheckDigit, isValidMyNumber } from './check-digit.ts'

// The ordinance's own wording, independent of the implementation's left-to-right weights:
// P_n numbered from the right, Q_n = n + 1 (n ≤ 6), n − 5 (n ≥ 7). Returns Σ P_n Q_n mod 11.
function remainderPerOrdinance(base11: string): number {
  let sum = 0
  for (let n = 1; n <= 11; n++) {
    const p = Number(base11[11 - n])
    sum += p * (n <= 6 ? n + 1 : n - 5)
  }
  return sum % 11
}

const base11 = fc.stringMatching(/^[0-9]{11}$/)
const withCheckDigit = (base: string) => `${base}${computeMyNumberCheckDigit(base)}`

function replaceDigit(s: string, index: number, digit: number): string {
  return `${s.slice(0, index)}${digit}${s.slice(index + 1)}`
}

describe('個人番号の検査用数字（総務省令第85号 5条）', () => {
  // identifiers.md, 個人番号, test vectors; 総務省令第85号 5条 (hand- and script-checked there).
  const vectors = [
    { base: '12345678901', checkDigit: 8, full: '123456789018' },
    { base: '11111111111', checkDigit: 8, full: '111111111118' },
    { base: '98765432109', checkDigit: 3, full: '987654321093' },
    { base: '00000000006', checkDigit: 0, full: '000000000060' },
  ]
  for (const v of vectors) {
    it(`identifiers.md 個人番号のテストベクタ: ${v.base} の検査用数字は ${v.checkDigit}（総務省令第85号 5条）`, () => {
      assert.equal(computeMyNumberCheckDigit(v.base), v.checkDigit)
      assert.equal(isValidMyNumber(v.full), true)
      assert.doesNotThrow(() => assertValidMyNumber(v.full))
    })
  }

  it('余りが0または1のときは検査用数字が0（第5条ただし書）', () => {
    assert.equal(remainderPerOrdinance('00000000006'), 1)
    assert.equal(computeMyNumberCheckDigit('00000000006'), 0)
    assert.equal(remainderPerOrdinance('00000000000'), 0)
    assert.equal(computeMyNumberCheckDigit('00000000000'), 0)
  })

  it('property: agrees with the ordinance written from the right', () => {
    fc.assert(
      fc.property(base11, (base) => {
        const r = remainderPerOrdinance(base)
        assert.equal(computeMyNumberCheckDigit(base), r <= 1 ? 0 : 11 - r)
      }),
    )
  })

  it('property: 正しい検査用数字を付けた番号は常に有効', () => {
    fc.assert(fc.property(base11, (base) => isValidMyNumber(withCheckDigit(base))))
  })

  it('property: 検査用数字を別の数字に変えると常に無効', () => {
    fc.assert(
      fc.property(base11, fc.integer({ min: 1, max: 9 }), (base, delta) => {
        const valid = withCheckDigit(base)
        const wrong = (Number(valid[11]) + delta) % 10
        return !isValidMyNumber(replaceDigit(valid, 11, wrong))
      }),
    )
  })

  it('property: 基礎番号の1桁誤りは、余りが0と1の間で動く場合を除き常に検出される', () => {
    fc.assert(
      fc.property(base11, fc.nat(10), fc.integer({ min: 1, max: 9 }), (base, index, delta) => {
        const changedBase = replaceDigit(base, index, (Number(base[index]) + delta) % 10)
        const changed = `${changedBase}${computeMyNumberCheckDigit(base)}`
        const undetectable = remainderPerOrdinance(base) <= 1 && remainderPerOrdinance(changedBase) <= 1
        assert.equal(isValidMyNumber(changed), undetectable)
      }),
    )
  })

  it('known weakness: 000000000000 and 000000000060 are both valid (identifiers.md, implementation notes)', () => {
    assert.equal(isValidMyNumber('000000000000'), true)
    assert.equal(isValidMyNumber('000000000060'), true)
  })
})

describe('個人番号の形式', () => {
  it('12桁の半角数字以外は無効（全角・区切り・桁違いは正規化しない）', () => {
    for (const s of [
      '',
      '12345678901',
      '1234567890180',
      '１２３４５６７８９０１８',
      '1234-5678-9018',
      '12345678901a',
      ' 123456789018',
    ]) {
      assert.equal(isValidMyNumber(s), false, s)
      assert.throws(() => assertValidMyNumber(s), { code: 'MY_NUMBER_FORMAT', field: 'myNumber' })
    }
  })

  it('検査用数字の誤りは MY_NUMBER_CHECK_DIGIT、field を付ける', () => {
    assert.throws(() => assertValidMyNumber('123456789010', 'employee.myNumber'), {
      code: 'MY_NUMBER_CHECK_DIGIT',
      field: 'employee.myNumber',
    })
  })

  it('computeMyNumberCheckDigit refuses anything but 11 ASCII digits', () => {
    for (const s of ['', '1234567890', '123456789012', '1234567890a', '１２３４５６７８９０１']) {
      assert.throws(() => computeMyNumberCheckDigit(s), { code: 'MY_NUMBER_FORMAT' })
    }
  })

  it('property: エラーメッセージに番号を含めない', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), (s) => {
        try {
          assertValidMyNumber(s)
          return isValidMyNumber(s)
        } catch (error) {
          assert.ok(error instanceof RulesError)
          for (const text of [error.message, error.messageJa, error.stack ?? '']) {
            assert.ok(!text.includes(s))
            assert.ok(!text.includes(s.slice(0, 11)))
          }
          return true
        }
      }),
    )
  })
})
