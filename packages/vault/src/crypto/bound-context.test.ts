import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { encodeBoundContext, needsId, needsVersion } from './bound-context.ts'
import { assertRefused } from './test-support.ts'

const arbitraryField = fc.oneof(
  fc.string(),
  fc.integer({ min: 0, max: 0xffffffff }),
  fc.uint8Array({ maxLength: 8 }),
)

describe('bound context (the bytes every AEAD, MAC and HPKE info binds)', () => {
  it('known answer: label, string, integer and bytes, each length-prefixed big-endian', () => {
    const encoded = encodeBoundContext('ab', ['c', 1, new Uint8Array([9, 8])])
    assert.equal(Buffer.from(encoded).toString('hex'), '00000002616200000001630000000400000001000000020908')
  })

  it('injective: two different field lists never encode alike ("ab","c" ≠ "a","bc")', () => {
    assert.notDeepEqual(encodeBoundContext('l', ['ab', 'c']), encodeBoundContext('l', ['a', 'bc']))
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b))
        assert.notDeepEqual(encodeBoundContext('l', a), encodeBoundContext('l', b))
      }),
    )
  })

  it('a different label never gives the same bytes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.array(arbitraryField), (a, b, fields) => {
        fc.pre(a !== b)
        assert.notDeepEqual(encodeBoundContext(a, fields), encodeBoundContext(b, fields))
      }),
    )
  })

  it('needs: ids are non-empty well-formed strings of at most 256 units; versions 1 … 2^32 − 1', async () => {
    for (const bad of ['', 'a'.repeat(257), '\ud800', 7, undefined]) {
      await assertRefused(() => needsId(bad, 'tenantId'), 'ARGUMENT_INVALID')
    }
    for (const bad of [0, -1, 1.5, 2 ** 32, '1']) {
      await assertRefused(() => needsVersion(bad, 'version'), 'ARGUMENT_INVALID')
    }
    needsId('a'.repeat(256), 'tenantId')
    needsVersion(2 ** 32 - 1, 'version')
  })
})
