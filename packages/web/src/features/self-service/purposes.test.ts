import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ZPurpose } from '@mamori/vault/contract'
import { EMPLOYEE_PURPOSES, PURPOSE_NAMES, REGISTRATION_PURPOSE } from './purposes.ts'

test('利用目的の名前は金庫の利用目的と過不足なく一致する', () => {
  assert.deepEqual(Object.keys(PURPOSE_NAMES).sort(), [...ZPurpose.options].sort())
})

test('従業員に示す利用目的と登録の利用目的は、金庫の利用目的に含まれる', () => {
  for (const purpose of [...EMPLOYEE_PURPOSES, REGISTRATION_PURPOSE]) {
    assert.ok(ZPurpose.safeParse(purpose).success, purpose)
  }
})
