import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { signerFactory } from '@fastify/cookie'
import fc from 'fast-check'
import { cookieSigner } from './cookie-signer.ts'

const cookieValue = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~:'.split('')), maxLength: 120 })

test('signs exactly as @fastify/cookie does, so cookies issued before stay valid', () => {
  const key = randomBytes(32)
  const ours = cookieSigner(key)
  const theirs = signerFactory(Buffer.from(key))
  fc.assert(
    fc.property(cookieValue, (value) => {
      assert.equal(ours.sign(value), theirs.sign(value))
      assert.deepEqual(ours.unsign(theirs.sign(value)), { valid: true, renew: false, value })
    }),
  )
})

test('a changed value or signature, another key, or no signature is invalid', () => {
  const key = randomBytes(32)
  const signer = cookieSigner(key)
  const other = cookieSigner(randomBytes(32))
  const invalid = { valid: false, renew: false, value: null }
  fc.assert(
    fc.property(cookieValue, fc.nat(), (value, at) => {
      const signed = signer.sign(value)
      assert.deepEqual(signer.unsign(signed), { valid: true, renew: false, value })
      const i = at % signed.length
      const flipped = signed.slice(0, i) + (signed[i] === 'A' ? 'B' : 'A') + signed.slice(i + 1)
      if (flipped !== signed) assert.deepEqual(signer.unsign(flipped), invalid)
      assert.deepEqual(other.unsign(signed), invalid)
      assert.deepEqual(signer.unsign(value.replaceAll('.', '')), invalid)
      assert.deepEqual(signer.unsign(`${value}.`), invalid)
    }),
  )
})
