import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { ZCallContext, ZSealedNumber } from './common.ts'
import { ZMergeRequest, ZRegisterRequest, ZStatusResponse } from './operations.ts'

const context = () => ({
  actorId: randomUUID(),
  tenantId: randomUUID(),
  clientId: randomUUID(),
  subjectId: randomUUID(),
  purpose: 'SOCIAL_INSURANCE_FILING',
  requestId: randomUUID(),
})

const sealed = { keyId: 'v1', enc: 'AAAA', ciphertext: 'BBBB' }
const identityCheck = {
  numberCheck: 'MY_NUMBER_CARD',
  identityCheck: 'MY_NUMBER_CARD',
  checkedBy: randomUUID(),
  checkedAt: '2026-11-23T10:00:00+09:00',
}

describe('vault wire contract', () => {
  it('a call missing its purpose, tenant or request id is refused', () => {
    for (const field of ['purpose', 'tenantId', 'requestId', 'actorId', 'clientId', 'subjectId'] as const) {
      const { [field]: _, ...rest } = context()
      assert.equal(ZCallContext.safeParse(rest).success, false, field)
    }
  })

  it('a purpose outside 個人番号関係事務 is refused', () => {
    assert.equal(ZCallContext.safeParse({ ...context(), purpose: 'MARKETING' }).success, false)
  })

  it('a register request carries the number only sealed: a plaintext field is refused', () => {
    assert.equal(ZRegisterRequest.safeParse({ context: context(), sealed, identityCheck }).success, true)
    const withPlaintext = {
      context: context(),
      sealed,
      identityCheck,
      myNumber: createSyntheticGenerator('contract').myNumber(),
    }
    assert.equal(ZRegisterRequest.safeParse(withPlaintext).success, false)
    assert.equal(ZSealedNumber.safeParse({ ...sealed, ciphertext: '1234 5678 9018' }).success, false)
  })

  it('ids are UUIDs, never names', () => {
    assert.equal(ZCallContext.safeParse({ ...context(), subjectId: '山田太郎' }).success, false)
  })

  it('a status answer has no field that could hold digits of a number', () => {
    const keys = Object.keys(ZStatusResponse.shape).sort()
    assert.deepEqual(keys, ['identityCheck', 'refusal', 'registered', 'registeredAt', 'registeredBy'])
  })

  it('a merge names at most 1,000 subjects: no bulk export', () => {
    const subjects = Array.from({ length: 1001 }, () => ({
      subjectId: randomUUID(),
      isEmployee70OrOver: false,
    }))
    const { subjectId: _, ...mergeContext } = context()
    const request = {
      context: mergeContext,
      documentType: 'NENKIN_2200700_ACQUISITION',
      template: '{{MY_NUMBER:x}}',
      subjects,
      recipientPublicKey: 'A'.repeat(43),
    }
    assert.equal(ZMergeRequest.safeParse(request).success, false)
    assert.equal(ZMergeRequest.safeParse({ ...request, subjects: subjects.slice(0, 1000) }).success, true)
  })
})
