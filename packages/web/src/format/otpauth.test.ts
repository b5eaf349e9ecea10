import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { groupedSecret, parseOtpauthUri } from './otpauth.ts'

describe('parseOtpauthUri', () => {
  test('秘密鍵・発行者・アカウントを取り出す', () => {
    assert.deepEqual(
      parseOtpauthUri('otpauth://totp/Mamori:yamada?issuer=Mamori&secret=jbswy3dpehpk3pxp&algorithm=SHA1'),
      { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Mamori', account: 'yamada' },
    )
  })

  test('otpauth でないもの、base32 でない秘密鍵は受け付けない', () => {
    assert.equal(parseOtpauthUri('https://example.com/?secret=JBSWY3DP'), null)
    assert.equal(parseOtpauthUri('otpauth://totp/x?secret=not-base32!'), null)
    assert.equal(parseOtpauthUri('not a uri'), null)
  })
})

test('groupedSecret は4文字ずつ区切る', () => {
  assert.equal(groupedSecret('JBSWY3DPEHPK3PXPAB'), 'JBSW Y3DP EHPK 3PXP AB')
})
