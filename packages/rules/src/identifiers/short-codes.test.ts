import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isValidInsuredSerial, parseInsuredSerial } from './insured-serial.ts'
import { isValidOfficeNumber, parseOfficeNumber } from './office-number.ts'
import { isValidSharoushiCode, parseSharoushiCode } from './sharoushi-code.ts'

describe('事業所番号（identifiers.md: 1〜5桁）', () => {
  it('1〜5桁の数字を受け付け、先頭の0を保つ', () => {
    for (const s of ['1', '00123', '12345']) {
      assert.equal(isValidOfficeNumber(s), true, s)
      assert.equal(parseOfficeNumber(s), s)
    }
    assert.equal(parseOfficeNumber('１２３４５'), '12345')
  })

  it('空・6桁以上・数字以外は OFFICE_NUMBER_FORMAT', () => {
    for (const s of ['', '123456', '12a']) {
      assert.equal(isValidOfficeNumber(s), false, s)
      assert.throws(() => parseOfficeNumber(s), { code: 'OFFICE_NUMBER_FORMAT', field: 'officeNumber' })
    }
  })
})

describe('被保険者整理番号（identifiers.md: 6桁以内）', () => {
  it('1〜6桁の数字を受け付ける', () => {
    for (const s of ['1', '000001', '123456']) {
      assert.equal(isValidInsuredSerial(s), true, s)
      assert.equal(parseInsuredSerial(s), s)
    }
  })

  it('空・7桁以上・数字以外は INSURED_SERIAL_FORMAT', () => {
    for (const s of ['', '1234567', '12-a']) {
      assert.equal(isValidInsuredSerial(s), false, s)
      assert.throws(() => parseInsuredSerial(s), { code: 'INSURED_SERIAL_FORMAT', field: 'insuredSerial' })
    }
  })
})

describe('社労士コード（identifiers.md: 8桁、媒体管理レコード 3項目）', () => {
  it('8桁の数字を受け付ける', () => {
    assert.equal(isValidSharoushiCode('01234567'), true)
    assert.equal(parseSharoushiCode('０１２３－４５６７'), '01234567')
  })

  it('8桁以外は SHAROUSHI_CODE_FORMAT', () => {
    for (const s of ['', '1234567', '123456789', '1234567a']) {
      assert.equal(isValidSharoushiCode(s), false, s)
      assert.throws(() => parseSharoushiCode(s), { code: 'SHAROUSHI_CODE_FORMAT', field: 'sharoushiCode' })
    }
  })
})
