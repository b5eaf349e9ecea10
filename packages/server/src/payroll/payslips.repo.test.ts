import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import fc from 'fast-check'
import { sql } from 'kysely'
import { arrayElement } from './payslips.repo.ts'

/** PostgreSQL text cannot hold NUL; everything else a name, code or label might hold. */
const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !s.includes('\u0000'))
const awkward = fc.constantFrom(
  '',
  'NULL',
  'null',
  ' ',
  '{}',
  'a,b',
  '"',
  '\\',
  '\\"',
  '山田\u3000太郎',
  '[["x",1]]',
)

describeOnEachDatabase<unknown>('payslip columns as array literals', [], ({ db }) => {
  test('any text and null read back from the literal as sent (quotes, backslashes, braces, NULL)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.oneof(text, awkward)), { maxLength: 8 }), async (values) => {
        const literal = `{${values.map(arrayElement).join(',')}}`
        const { rows } = await sql<{ a: (string | null)[] }>`select ${literal}::text[] as a`.execute(db())
        assert.deepEqual(rows[0]!.a, values)
      }),
      { numRuns: 200 },
    )
  })
})
