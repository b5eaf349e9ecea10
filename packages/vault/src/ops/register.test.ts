import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before, test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import type { TestVault } from '../test-vault.ts'
import { callContext, describeVault, identityCheck } from '../test-vault.ts'

const numbers = createSyntheticGenerator('vault-register')

/** A valid number with its check digit changed: a typo the check digit catches. */
function withWrongCheckDigit(number: string): string {
  return `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`
}

describeVault('register, approve and status', ({ db, vault: testVault }) => {
  let vault: TestVault
  before(() => {
    vault = testVault()
  })

  async function register(ctx = callContext(), number = numbers.myNumber(), extra: object = {}) {
    const sealed = await vault.seal(number, ctx)
    const response = await vault.post('/v1/register', {
      context: ctx,
      sealed,
      identityCheck: identityCheck(),
      ...extra,
    })
    return { ctx, number, response }
  }

  test('a sealed number is registered; status says so, with the 本人確認, and shows no digit', async () => {
    const { ctx, number, response } = await register()
    assert.equal(response.statusCode, 200)
    const status = await vault.post('/v1/status', { context: { ...ctx, requestId: randomUUID() } })
    assert.equal(status.statusCode, 200)
    const body = status.json()
    assert.equal(body.registered, true)
    assert.equal(body.registeredBy, ctx.actorId)
    assert.equal(body.identityCheck.numberCheck, 'MY_NUMBER_CARD')
    assert.equal(status.body.includes(number), false)
    const [row] = await db()
      .selectFrom('vault_sealed_numbers')
      .selectAll()
      .where('subject_id', '=', ctx.subjectId)
      .execute()
    assert.ok(row)
    assert.equal(Buffer.from(row.envelope).includes(Buffer.from(number)), false)
  })

  test('status of a subject without a number: not registered', async () => {
    const status = await vault.post('/v1/status', { context: callContext() })
    assert.equal(status.json().registered, false)
  })

  test('a wrong check digit is refused with MY_NUMBER_CHECK_DIGIT, and audited as denied', async () => {
    const ctx = callContext()
    const { response } = await register(ctx, withWrongCheckDigit(numbers.myNumber()))
    assert.equal(response.statusCode, 422)
    assert.equal(response.json().code, 'MY_NUMBER_CHECK_DIGIT')
    const entries = await vault.auditEntries(['MY_NUMBER_REGISTERED'])
    assert.ok(entries.some((e) => e.subject_id === ctx.subjectId && e.result === 'denied'))
  })

  test('a number sealed for another subject is refused with HPKE_OPEN_FAILED', async () => {
    const ctx = callContext()
    const sealed = await vault.seal(numbers.myNumber(), { ...ctx, subjectId: randomUUID() })
    const response = await vault.post('/v1/register', {
      context: ctx,
      sealed,
      identityCheck: identityCheck(),
    })
    assert.equal(response.json().code, 'HPKE_OPEN_FAILED')
  })

  test('a number sealed for another purpose is refused with HPKE_OPEN_FAILED', async () => {
    const ctx = callContext()
    const sealed = await vault.seal(numbers.myNumber(), { ...ctx, purpose: 'WITHHOLDING_SLIP' })
    const response = await vault.post('/v1/register', {
      context: ctx,
      sealed,
      identityCheck: identityCheck(),
    })
    assert.equal(response.json().code, 'HPKE_OPEN_FAILED')
  })

  test('a number sealed to a key this vault does not hold is refused with HPKE_KEY_UNKNOWN', async () => {
    const ctx = callContext()
    const sealed = { ...(await vault.seal(numbers.myNumber(), ctx)), keyId: 'not-our-key' }
    const response = await vault.post('/v1/register', {
      context: ctx,
      sealed,
      identityCheck: identityCheck(),
    })
    assert.equal(response.json().code, 'HPKE_KEY_UNKNOWN')
  })

  test('a second registration for the same subject is refused with ALREADY_REGISTERED', async () => {
    const { ctx } = await register()
    const { response } = await register({ ...ctx, requestId: randomUUID() })
    assert.equal(response.statusCode, 409)
    assert.equal(response.json().code, 'ALREADY_REGISTERED')
  })

  test('dual control: a number on file for another subject needs a second, different user; both are recorded', async () => {
    const tenantId = randomUUID()
    const first = await register(callContext({ tenantId }))
    assert.equal(first.response.statusCode, 200)
    const ctx = callContext({ tenantId })
    const duplicate = await register(ctx, first.number)
    assert.equal(duplicate.response.statusCode, 409)
    assert.equal(duplicate.response.json().code, 'DUPLICATE_NEEDS_APPROVAL')

    const selfApproval = await vault.post('/v1/approve', { context: { ...ctx, requestId: randomUUID() } })
    assert.equal(selfApproval.json().code, 'APPROVER_IS_REQUESTER')
    const approverId = randomUUID()
    const stranger = await register({ ...ctx, requestId: randomUUID() }, first.number, {
      approvedBy: approverId,
    })
    assert.equal(stranger.response.json().code, 'APPROVAL_NOT_FOUND')

    const approval = await vault.post('/v1/approve', {
      context: { ...ctx, actorId: approverId, requestId: randomUUID() },
    })
    assert.equal(approval.statusCode, 200)
    assert.equal(approval.json().requestedBy, ctx.actorId)
    const byRequester = await register({ ...ctx, requestId: randomUUID() }, first.number, {
      approvedBy: ctx.actorId,
    })
    assert.equal(byRequester.response.json().code, 'APPROVER_IS_REQUESTER')
    const approved = await register({ ...ctx, requestId: randomUUID() }, first.number, {
      approvedBy: approverId,
    })
    assert.equal(approved.response.statusCode, 200)

    const [row] = await db()
      .selectFrom('vault_sealed_numbers')
      .select('approved_by')
      .where('subject_id', '=', ctx.subjectId)
      .execute()
    assert.equal(row?.approved_by, approverId)
    const entries = await vault.auditEntries(['MY_NUMBER_DUPLICATE_APPROVED', 'MY_NUMBER_REGISTERED'])
    const mine = entries.filter((e) => e.subject_id === ctx.subjectId && e.result === 'success')
    assert.deepEqual(
      mine.map((e) => [e.event_type, e.actor_id]),
      [
        ['MY_NUMBER_DUPLICATE_APPROVED', approverId],
        ['MY_NUMBER_REGISTERED', ctx.actorId],
      ],
    )
    const reuse = await register(callContext({ tenantId, actorId: ctx.actorId }), first.number, {
      approvedBy: approverId,
    })
    assert.equal(reuse.response.json().code, 'APPROVAL_NOT_FOUND', 'an approval is for one subject, once')
  })

  test('approving with nothing to approve is refused with APPROVAL_NOT_FOUND', async () => {
    const response = await vault.post('/v1/approve', { context: callContext() })
    assert.equal(response.json().code, 'APPROVAL_NOT_FOUND')
  })

  test('the same number in another tenant is not a duplicate', async () => {
    const first = await register()
    const other = await register(callContext(), first.number)
    assert.equal(other.response.statusCode, 200)
  })

  test('concurrent registrations of one number in one tenant: one succeeds, the others need approval', async () => {
    const tenantId = randomUUID()
    const number = numbers.myNumber()
    const results = await Promise.all(
      Array.from({ length: 5 }, () => register(callContext({ tenantId }), number)),
    )
    const codes = results.map((r) => (r.response.statusCode === 200 ? 'OK' : r.response.json().code)).sort()
    assert.deepEqual(codes, [
      'DUPLICATE_NEEDS_APPROVAL',
      'DUPLICATE_NEEDS_APPROVAL',
      'DUPLICATE_NEEDS_APPROVAL',
      'DUPLICATE_NEEDS_APPROVAL',
      'OK',
    ])
  })

  test('a request whose audit entry cannot be written is refused with AUDIT_UNAVAILABLE and changes nothing', async () => {
    const ctx = callContext()
    await db().schema.alterTable('audit_queue').renameTo('audit_queue_away').execute()
    try {
      const { response } = await register(ctx)
      assert.equal(response.statusCode, 503)
      assert.equal(response.json().code, 'AUDIT_UNAVAILABLE')
    } finally {
      await db().schema.alterTable('audit_queue_away').renameTo('audit_queue').execute()
    }
    const status = await vault.post('/v1/status', { context: ctx })
    assert.equal(status.json().registered, false)
  })
})
