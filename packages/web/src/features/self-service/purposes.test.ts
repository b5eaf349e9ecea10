import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ZPurpose } from '@mamori/vault/contract'
import { EMPLOYEE_PURPOSES, PURPOSE_NAMES, purposeShortName, REGISTRATION_PURPOSE } from './purposes.ts'

test('利用目的の名前は金庫の利用目的と過不足なく一致する', () => {
  assert.deepEqual(Object.keys(PURPOSE_NAMES).sort(), [...ZPurpose.options].sort())
})

test('従業員に示す利用目的と登録の利用目的は、金庫の利用目的に含まれる', () => {
  for (const purpose of [...EMPLOYEE_PURPOSES, REGISTRATION_PURPOSE]) {
    assert.ok(ZPurpose.safeParse(purpose).success, purpose)
  }
})

test('表では利用目的を括弧書きの詳細なしで示し、目的のない記録は —', () => {
  assert.equal(purposeShortName('SOCIAL_INSURANCE_FILING'), '健康保険・厚生年金保険の届出')
  assert.equal(purposeShortName('DEPENDENT_DEDUCTION_DECLARATION'), '扶養控除等（異動）申告書の受理')
  assert.equal(purposeShortName(null), '—')
})
