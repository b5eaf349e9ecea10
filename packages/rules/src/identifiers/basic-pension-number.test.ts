import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  basicPensionNumberParts,
  isValidBasicPensionNumber,
  parseBasicPensionNumber,
} from './basic-pension-number.ts'

describe('基礎年金番号（identifiers.md: 課所符号4桁 + 一連番号6桁）', () => {
  it('書き方の揺れを正規化する', () => {
    for (const typed of [
      '1234567890',
      '1234-567890',
      '１２３４－５６７８９０',
      '1234 567890',
      '1234ー567890',
    ]) {
      assert.equal(parseBasicPensionNumber(typed), '1234567890', typed)
    }
  })

  it('CSV の2項目に分ける（算定 41–42 など）', () => {
    assert.deepEqual(basicPensionNumberParts('1234567890'), { officeCode: '1234', serial: '567890' })
  })

  it('10桁の数字以外は BASIC_PENSION_NUMBER_FORMAT', () => {
    for (const typed of ['', '123456789', '12345678901', '1234-56789a']) {
      assert.throws(() => parseBasicPensionNumber(typed, 'employee.basicPensionNumber'), {
        code: 'BASIC_PENSION_NUMBER_FORMAT',
        field: 'employee.basicPensionNumber',
      })
    }
    assert.throws(() => basicPensionNumberParts('1234-567890'), { code: 'BASIC_PENSION_NUMBER_FORMAT' })
  })

  it('isValid accepts the canonical form only', () => {
    assert.equal(isValidBasicPensionNumber('1234567890'), true)
    assert.equal(isValidBasicPensionNumber('1234-567890'), false)
    assert.equal(isValidBasicPensionNumber('１２３４５６７８９０'), false)
  })

  it('property: any 10 digits, however grouped, parse to themselves', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), (digits) => {
        assert.equal(parseBasicPensionNumber(`${digits.slice(0, 4)}-${digits.slice(4)}`), digits)
        assert.equal(isValidBasicPensionNumber(digits), true)
      }),
    )
  })
})
