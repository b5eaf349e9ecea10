import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { createRecipientKeyPair } from '@mamori/vault/contract'
import { ApiError } from '../../api/api-error.ts'
import type { CommittedSubject } from '../../api/imports.ts'
import type { MyNumberRegistration } from '../../api/self-service.ts'
import { numberJobs, relayNumbers } from './relay-numbers.ts'

const generator = createSyntheticGenerator('web-relay-numbers')

const subject = (table: 'employees' | 'dependents', row: number): CommittedSubject => ({
  table,
  row,
  subjectId: crypto.randomUUID(),
  employeeId: crypto.randomUUID(),
})

test('番号のあった行だけを、コミットで作られた人に結び付ける', () => {
  const subjects = [subject('employees', 2), subject('employees', 3), subject('dependents', 2)]
  const a = generator.myNumber()
  const b = generator.myNumber()
  const jobs = numberJobs(subjects, { employees: new Map([[3, a]]), dependents: new Map([[2, b]]) })
  assert.deepEqual(
    jobs.map((j) => [j.subject, j.number]),
    [
      [subjects[1], a],
      [subjects[2], b],
    ],
  )
})

test('送るのは封かんした番号だけで、失敗した行はサーバーのメッセージと共に残す', async () => {
  // A real X25519 public key stands in for the vault's: sealing is what is under test, not opening.
  const { publicKey } = await createRecipientKeyPair()
  const numbers = [generator.myNumber(), generator.myNumber()]
  const subjects = [subject('employees', 2), subject('employees', 3)]
  const sent: string[] = []
  const progress: number[] = []
  const failures = await relayNumbers(
    subjects.map((s, i) => ({ subject: s, number: numbers[i]! })),
    {
      key: { keyId: 'k1', publicKey },
      officeId: crypto.randomUUID(),
      identityCheck: { numberCheck: 'MY_NUMBER_CARD', identityCheck: 'DRIVERS_LICENSE' },
      send: async (s, registration: MyNumberRegistration) => {
        sent.push(JSON.stringify(registration))
        if (s === subjects[1]) throw new ApiError(409, { code: 'CONFLICT', message: '承認が必要です。' })
      },
      onProgress: (done) => progress.push(done),
    },
  )
  assert.deepEqual(progress, [1, 2])
  assert.deepEqual(failures, [{ subject: subjects[1], message: '承認が必要です。' }])
  assert.equal(sent.length, 2)
  for (const body of sent) {
    assert.match(body, /"purpose":"SOCIAL_INSURANCE_FILING"/)
    assert.match(body, /"keyId":"k1"/)
    for (const number of numbers) assert.ok(!body.includes(number))
  }
})
