import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { type AuditEvent, validateAuditEvent } from './audit-event.ts'
import { type BatchText, createBatchLeafHasher } from './batch-leaf-hashes.ts'
import { leafHash } from './merkle.ts'
import { encodeStoredEntry, type StoredEntry, storedEntryOf } from './stored-entry.ts'
import { batchTextOf as batchOf, rebuiltLeaves } from './test-fixtures.ts'

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/)
const code = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,20}$/)
const event: fc.Arbitrary<AuditEvent> = fc.record(
  {
    type: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/),
    at: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    tenantId: id,
    actorId: id,
    operation: fc.constantFrom('read', 'export', 'sign_in'),
    result: fc.constantFrom('success', 'denied', 'failure'),
    clientId: id,
    subjectId: id,
    purpose: code,
    document: code,
    requestId: id,
    // Not spelt NULL: PostgreSQL quotes such a name, and the batch goes row by row (tested below).
    fields: fc.uniqueArray(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,12}$/).filter((n) => n.toUpperCase() !== 'NULL'),
      { maxLength: 5 },
    ),
  },
  { requiredKeys: ['type', 'at', 'tenantId', 'actorId', 'operation', 'result'] },
)

const GS = '\x1d'
const utf8 = (text: string) => new TextEncoder().encode(text)

const binaryLeafHash = (entry: StoredEntry) =>
  Buffer.from(leafHash(encodeStoredEntry(entry))).toString('latin1')

test('every leaf rebuilt from a batch is the leaf hash of the entry’s canonical encoding', () => {
  // Positions anywhere, and just below a power of ten, where `seq` gains a digit within the batch.
  const position = fc.oneof(
    fc.nat({ max: 2 ** 40 }),
    fc.integer({ min: 0, max: 15 }).map((k) => Math.max(0, 10 ** k - 6)),
  )
  fc.assert(
    fc.property(fc.array(event, { maxLength: 12 }), position, (events, from) => {
      const entries: StoredEntry[] = []
      for (const e of events) {
        try {
          entries.push(storedEntryOf(validateAuditEvent(e), from + entries.length))
        } catch {
          // a generated id may look like a My Number; the guard refuses it, as it should
        }
      }
      assert.deepEqual(rebuiltLeaves(batchOf(entries, from)), entries.map(binaryLeafHash))
    }),
    { seed: 5, numRuns: 300 },
  )
})

const plain: StoredEntry = {
  seq: 7,
  type: 'EMPLOYEE_READ',
  at: 1767225600000,
  tenantId: 'office_1',
  actorId: 'user_1',
  operation: 'read',
  result: 'success',
  clientId: 'client_1',
  subjectId: null,
  purpose: 'social_insurance',
  document: null,
  requestId: 'req_1',
  fields: ['address', 'birthDate'],
}

test('a plain batch of entries with and without optional members and with empty fields', () => {
  const entries = [plain, { ...plain, seq: 8, fields: [] }, { ...plain, seq: 9, clientId: '', fields: null }]
  assert.deepEqual(rebuiltLeaves(batchOf(entries, 7)), entries.map(binaryLeafHash))
})

test('a batch not in the plain form is refused whole, so that it is read row by row', () => {
  const batch = batchOf([plain, { ...plain, seq: 8 }], 7)
  const text = new TextDecoder().decode(batch.text)
  const column = (c: number, value: string, entry = 1) => {
    const records = text.split('\x1e').map((r) => r.split('\x1f'))
    records[entry]![c] = value
    return { ...batch, text: utf8(records.map((r) => r.join('\x1f')).join('\x1e')) }
  }
  const refused: Record<string, BatchText> = {
    'a quote': column(0, 'user"1'),
    'a backslash': column(10, 'office\\1'),
    'a character outside ASCII': column(0, 'user_Ł'),
    'a control character': column(11, 'EMPLOYEE\nREAD'),
    'a column separator inside a value': column(0, 'user\x1f1'),
    'an entry separator inside a value': column(3, 'kenpo\x1ekenpo'),
    'the null marker inside a value': column(6, `social${GS}`),
    // The database counts client_id as present, so the marker cannot stand for its null.
    'an optional value that is the null marker': column(2, GS, 0),
    'a time that is not digits': column(1, '1e12'),
    'a lone minus': column(1, '-'),
    'an empty time': column(1, ''),
    'a quoted name': column(4, '{"address",birthDate}'),
    'a null name': column(4, '{address,NULL}'),
    'a null name in lower case': column(4, '{null}'),
    'an empty name': column(4, '{address,}'),
    'a two-dimensional array': column(4, '{{address},{birthDate}}'),
    'an array with bounds': column(4, '[0:1]={address,birthDate}'),
    'an unclosed array': column(4, '{address'),
    'fields that are not an array': column(4, 'address'),
    'a missing column': { ...batch, text: utf8(text.replace('\x1fEMPLOYEE_READ', '')) },
    'an extra column': { ...batch, text: utf8(`${text}\x1fmore`) },
    'fewer entries than counted': { ...batch, count: 3 },
    'more entries than counted': { ...batch, count: 1 },
    'fewer nulls than counted present': { ...batch, present: batch.present - 1 },
  }
  for (const [what, tampered] of Object.entries(refused)) {
    assert.equal(rebuiltLeaves(tampered), undefined, what)
  }
  assert.deepEqual(rebuiltLeaves(batch)?.length, 2)
})

test('each leaf is given with its index as soon as it is made, and a refused leaf stops the batch', () => {
  const batch = batchOf([plain, { ...plain, seq: 8 }, { ...plain, seq: 9 }], 7)
  const given: number[] = []
  assert.equal(
    createBatchLeafHasher()(batch, (_, i) => given.push(i) < 2),
    false,
  )
  assert.deepEqual(given, [0, 1])
})

test('an entry longer than the buffer grows it', () => {
  const entries = [
    { ...plain, requestId: 'r'.repeat(20_000) },
    { ...plain, seq: 8 },
  ]
  assert.deepEqual(rebuiltLeaves(batchOf(entries, 7)), entries.map(binaryLeafHash))
})
