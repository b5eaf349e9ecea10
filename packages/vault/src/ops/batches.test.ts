import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before, test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import type { TCallContext } from '../contract/index.ts'
import { ServiceError } from '../service-error.ts'
import type { TestVault } from '../test-vault.ts'
import { callContext, describeVault, identityCheck } from '../test-vault.ts'
import { matchBatch } from './match.ts'
import { prepareRegistration, registerBatch } from './register-batch.ts'

const numbers = createSyntheticGenerator('vault-batches')

/**
 * The write batcher's batches, driven directly so that the requests are known to share one
 * batch: one transaction, one commit, and still one answer each.
 */
describeVault('register and match in batches', ({ db, vault: testVault }) => {
  let vault: TestVault
  before(() => {
    vault = testVault()
  })

  const deps = () => ({
    db: db(),
    audit: vault.audit,
    crypto: vault.crypto,
    now: () => new Date(),
    newId: randomUUID,
  })

  async function prepared(ctx: TCallContext, number: string) {
    const input = { context: ctx, sealed: await vault.seal(number, ctx), identityCheck: identityCheck() }
    return prepareRegistration(deps(), input)
  }

  async function registerOverHttp(ctx: TCallContext, number: string) {
    return vault.post('/v1/register', {
      context: ctx,
      sealed: await vault.seal(number, ctx),
      identityCheck: identityCheck(),
    })
  }

  async function isRegistered(ctx: TCallContext): Promise<boolean> {
    const status = await vault.post('/v1/status', { context: { ...ctx, requestId: randomUUID() } })
    return status.json().registered as boolean
  }

  test('a refused registration in a batch does not fail its batch-mates; each has its own entry', async () => {
    const tenantId = randomUUID()
    const onFile = callContext({ tenantId })
    const taken = numbers.myNumber()
    assert.equal((await registerOverHttp(onFile, taken)).statusCode, 200)
    const fresh = [callContext({ tenantId }), callContext({ tenantId })]
    const again = { ...onFile, requestId: randomUUID() }
    const duplicate = callContext({ tenantId })
    const items = await Promise.all([
      prepared(fresh[0] as TCallContext, numbers.myNumber()),
      prepared(again, numbers.myNumber()),
      prepared(duplicate, taken),
      prepared(fresh[1] as TCallContext, numbers.myNumber()),
    ])
    const outcomes = await registerBatch(deps(), items)
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? 'OK' : (o.error as ServiceError).code)),
      ['OK', 'ALREADY_REGISTERED', 'DUPLICATE_NEEDS_APPROVAL', 'OK'],
    )
    for (const ctx of fresh) assert.equal(await isRegistered(ctx), true)
    assert.equal(await isRegistered(duplicate), false)
    const entries = await vault.auditEntries(['MY_NUMBER_REGISTERED'])
    const resultOf = (ctx: TCallContext) =>
      entries.filter((e) => e.subject_id === ctx.subjectId && e.actor_id === ctx.actorId).map((e) => e.result)
    assert.deepEqual(resultOf(fresh[0] as TCallContext), ['success'])
    assert.deepEqual(resultOf(duplicate), ['denied'])
    assert.deepEqual(resultOf(again).sort(), ['denied', 'success'])
  })

  test('a re-registration after deletion leaves the batch and is registered alone, with a new key version', async () => {
    const ctx = callContext()
    assert.equal((await registerOverHttp(ctx, numbers.myNumber())).statusCode, 200)
    const deleted = await vault.post('/v1/delete', {
      context: { ...ctx, requestId: randomUUID() },
      reason: 'REGISTERED_IN_ERROR',
    })
    assert.equal(deleted.statusCode, 200)
    const [outcome] = await registerBatch(deps(), [
      await prepared({ ...ctx, requestId: randomUUID() }, numbers.myNumber()),
    ])
    assert.deepEqual(outcome, { ok: true, value: { alone: true } })
    const response = await registerOverHttp({ ...ctx, requestId: randomUUID() }, numbers.myNumber())
    assert.equal(response.statusCode, 200)
    const [row] = await db()
      .selectFrom('vault_sealed_numbers')
      .select('key_version')
      .where('subject_id', '=', ctx.subjectId)
      .execute()
    assert.equal(row?.key_version, 2)
  })

  test('matches in one batch: each its own answer, an unknown subject refused alone, every one audited', async () => {
    const ctx = callContext()
    const number = numbers.myNumber()
    assert.equal((await registerOverHttp(ctx, number)).statusCode, 200)
    const unknown = callContext()
    const index = (tenantId: string, n: string) => vault.crypto.blindIndex(tenantId, n)
    const outcomes = await matchBatch(deps(), [
      { context: { ...ctx, requestId: randomUUID() }, candidateIndex: index(ctx.tenantId, number) },
      { context: unknown, candidateIndex: index(unknown.tenantId, number) },
      {
        context: { ...ctx, requestId: randomUUID() },
        candidateIndex: index(ctx.tenantId, numbers.myNumber()),
      },
    ])
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.value.matches : (o.error as ServiceError).code)),
      [true, 'NOT_REGISTERED', false],
    )
    const entries = await vault.auditEntries(['MY_NUMBER_MATCHED'])
    assert.deepEqual(
      entries.filter((e) => e.subject_id === ctx.subjectId).map((e) => e.result),
      ['success', 'success'],
    )
    assert.deepEqual(
      entries.filter((e) => e.subject_id === unknown.subjectId).map((e) => e.result),
      ['denied'],
    )
  })

  test('when the audit entries cannot be written, every request of the batch is refused with AUDIT_UNAVAILABLE and nothing changes', async () => {
    const registrations = [callContext(), callContext(), callContext()]
    const items = await Promise.all(registrations.map((ctx) => prepared(ctx, numbers.myNumber())))
    const matched = callContext()
    const number = numbers.myNumber()
    assert.equal((await registerOverHttp(matched, number)).statusCode, 200)
    const isAuditUnavailable = (e: unknown) => e instanceof ServiceError && e.code === 'AUDIT_UNAVAILABLE'
    await db().schema.alterTable('audit_queue').renameTo('audit_queue_away').execute()
    try {
      await assert.rejects(registerBatch(deps(), items), isAuditUnavailable)
      await assert.rejects(
        matchBatch(deps(), [
          { context: matched, candidateIndex: vault.crypto.blindIndex(matched.tenantId, number) },
          { context: callContext(), candidateIndex: vault.crypto.blindIndex(matched.tenantId, number) },
        ]),
        isAuditUnavailable,
      )
      // And through the batcher: every concurrent request answered 503 with the code.
      const responses = await Promise.all(
        registrations.map((ctx) => registerOverHttp(ctx, numbers.myNumber())),
      )
      assert.deepEqual(
        responses.map((r) => [r.statusCode, r.json().code]),
        registrations.map(() => [503, 'AUDIT_UNAVAILABLE']),
      )
    } finally {
      await db().schema.alterTable('audit_queue_away').renameTo('audit_queue').execute()
    }
    for (const ctx of registrations) assert.equal(await isRegistered(ctx), false)
  })
})
