import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  formatEmploymentInsuranceNumber,
  isValidEmploymentInsuranceNumber,
  parseEmploymentInsuranceNumber,
} from './employment-insurance-number.ts'

describe('雇用保険被保険者番号（4桁-6桁-1桁、雇用保険業務取扱要領 20706(6)）', () => {
  it('書き方の揺れを正規化する', () => {
    for (const typed of ['12345678901', '1234-567890-1', '１２３４－５６７８９０－１', '1234 567890 1']) {
      assert.equal(parseEmploymentInsuranceNumber(typed), '12345678901', typed)
    }
  })

  it('表記は 1234-567890-1', () => {
    assert.equal(formatEmploymentInsuranceNumber('12345678901'), '1234-567890-1')
  })

  it('昭和56年7月6日前の番号（10桁の末尾に0を補ったもの）も受け付ける: 検査用数字は確かめない', () => {
    assert.equal(parseEmploymentInsuranceNumber('12345123450'), '12345123450')
  })

  it('11桁の数字以外は EMPLOYMENT_INSURANCE_NUMBER_FORMAT', () => {
    for (const typed of ['', '1234567890', '123456789012', '1234-567890-a']) {
      assert.throws(() => parseEmploymentInsuranceNumber(typed), {
        code: 'EMPLOYMENT_INSURANCE_NUMBER_FORMAT',
        field: 'employmentInsuranceNumber',
      })
    }
    assert.throws(() => formatEmploymentInsuranceNumber('1234-567890-1'), {
      code: 'EMPLOYMENT_INSURANCE_NUMBER_FORMAT',
    })
  })

  it('property: format then parse is the identity', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), (digits) => {
        assert.equal(parseEmploymentInsuranceNumber(formatEmploymentInsuranceNumber(digits)), digits)
        assert.equal(isValidEmploymentInsuranceNumber(digits), true)
      }),
    )
  })
})
