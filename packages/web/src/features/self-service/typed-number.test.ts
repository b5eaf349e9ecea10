import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computeMyNumberCheckDigit } from '@mamori/rules/mynumber/check-digit.ts'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import fc from 'fast-check'
import { checkTypedNumber } from './typed-number.ts'

const generator = createSyntheticGenerator('web-typed-number')

test('正しい番号は、全角や4桁ごとの区切りで入力しても12桁の半角数字になる', () => {
  const number = generator.myNumber()
  const fullWidth = number.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
  const grouped = `${number.slice(0, 4)} ${number.slice(4, 8)}-${number.slice(8)}`
  for (const typed of [number, fullWidth, grouped]) {
    assert.deepEqual(checkTypedNumber(typed), { state: 'valid', number })
  }
})

test('入力中は残りの桁数を、数字でなければそう告げ、空なら何も言わない', () => {
  assert.deepEqual(checkTypedNumber(''), { state: 'empty' })
  assert.deepEqual(checkTypedNumber('1234'), { state: 'typing', message: '12桁のうち4桁です。' })
  assert.equal(checkTypedNumber('1234abcd').state, 'invalid')
  assert.equal(checkTypedNumber('1234567890123').state, 'invalid')
})

test('検査用数字が合わない番号はどれも正しくないと告げ、メッセージに入力を含めない', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{11}$/), fc.integer({ min: 1, max: 9 }), (base, shift) => {
      const wrong = (computeMyNumberCheckDigit(base) + shift) % 10
      const result = checkTypedNumber(`${base}${wrong}`)
      assert.equal(result.state, 'invalid')
      assert.ok(result.state === 'invalid' && !result.message.includes(base))
    }),
  )
})
