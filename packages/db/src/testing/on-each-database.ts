import { after, before, describe } from 'node:test'
import type { Kysely } from 'kysely'
import type { MigrationSet } from '../migrator.ts'
import type { TestBackendName } from './test-backends.ts'
import { testBackends } from './test-backends.ts'
import type { TestDatabase } from './test-database.ts'
import { createTestDatabase } from './test-database.ts'

export type DatabaseTestContext<DB> = {
  readonly backend: TestBackendName
  /** The suite's database; valid inside tests and hooks, not while the suite is being declared. */
  db(): Kysely<DB>
  database(): TestDatabase<DB>
}

/**
 * Declares the suite once per backend (`title [pglite]`, `title [postgres]`), each with a fresh
 * database migrated with `sets`, so every database test runs on PGlite and on the server.
 */
export function describeOnEachDatabase<DB>(
  title: string,
  sets: MigrationSet[],
  body: (context: DatabaseTestContext<DB>) => void,
): void {
  for (const backend of testBackends()) {
    describe(`${title} [${backend.name}]`, { skip: backend.skip }, () => {
      let current: TestDatabase<DB> | undefined
      const database = (): TestDatabase<DB> => {
        if (current === undefined)
          throw new Error('the test database is only available inside tests and hooks')
        return current
      }
      before(async () => {
        current = await createTestDatabase<DB>(backend, sets)
      })
      after(async () => {
        await current?.close()
      })
      body({ backend: backend.name, db: () => database().db, database })
    })
  }
}
