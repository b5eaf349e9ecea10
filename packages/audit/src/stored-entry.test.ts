import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { type AuditEvent, validateAuditEvent } from './audit-event.ts'
import { decodeEntry, encodeEntry } from './entry-encoding.ts'
import { leafHash } from './merkle.ts'
import { createLeafHasher, encodeStoredEntry, entryObjectOf, storedEntryOf } from './stored-entry.ts'

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/)
const code = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,20}$/)
const event: fc.Arbitrary<AuditEvent> = fc.record(
  {
    type: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/),
    at: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    tenantId: id,
    actorId: id,
    operation: fc.constantFrom(
      'read',
      'create',
      'update',
      'delete',
      'export',
      'print',
      'submit',
      'sign_in',
      'configure',
    ),
    result: fc.constantFrom('success', 'denied', 'failure'),
    clientId: id,
    subjectId: id,
    purpose: code,
    document: code,
    requestId: id,
    fields: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,12}$/), { maxLength: 5 }),
  },
  { requiredKeys: ['type', 'at', 'tenantId', 'actorId', 'operation', 'result'] },
)

test('the stored form encodes byte for byte as the canonical encoding of the entry', () => {
  fc.assert(
    fc.property(event, fc.nat({ max: 2 ** 40 }), (e, seq) => {
      let valid: ReturnType<typeof validateAuditEvent>
      try {
        valid = validateAuditEvent(e)
      } catch {
        return // a generated id may look like a My Number; the guard refuses it, as it should
      }
      const stored = storedEntryOf(valid, seq)
      const expected = encodeEntry({ ...valid, seq })
      assert.deepEqual(new Uint8Array(encodeStoredEntry(stored)), expected)
      assert.deepEqual(decodeEntry(expected), entryObjectOf(stored))
      assert.equal(createLeafHasher()(stored), Buffer.from(leafHash(expected)).toString('latin1'))
    }),
    { seed: 11, numRuns: 300 },
  )
})

test('strings that JSON escapes are escaped exactly as the canonical encoding escapes them', () => {
  const stored = storedEntryOf(
    {
      type: 'X',
      at: 1,
      tenantId: 'o"\\\n\u007f\u00e9\u3042',
      actorId: 'a',
      operation: 'read',
      result: 'success',
    },
    0,
  )
  assert.deepEqual(new Uint8Array(encodeStoredEntry(stored)), encodeEntry(entryObjectOf(stored)))
})
