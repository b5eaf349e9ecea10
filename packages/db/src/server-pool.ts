import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import type pg from 'pg'

/** Bounds on what is kept prepared: statements per connection, distinct texts per pool. */
export type PreparedStatementLimits = { perConnection: number; texts: number }

const DEFAULT_LIMITS: PreparedStatementLimits = { perConnection: 500, texts: 5_000 }

/**
 * The pool Kysely gets on a PostgreSQL server, saving the server work and round trips that a
 * request otherwise spends on every call (bench:server: planning was most of the database's time
 * per request, ~0.5–0.7 ms each for the session lookup and the employee list):
 *
 * - Every query with parameters runs as a named prepared statement, parsed once per connection.
 *   Names come from the statement text, so one name never stands for two texts; past the limits
 *   a statement runs unnamed, as before, so a generator of ever-new texts cannot grow the
 *   server's memory. Each connection still plans every call for its values
 *   (plan_cache_mode = force_custom_plan): PostgreSQL's own choice would keep a generic plan made
 *   while a table was small for as long as its statistics stand, and a queue that grows by a
 *   million rows in one import then has each batch scan it whole (bench:audit stalled on this).
 *   A transaction whose statements are index lookups whatever the values opts into generic plans
 *   with `set_config('plan_cache_mode', 'force_generic_plan', true)`, and then skips planning too.
 * - A transaction's BEGIN waits for its first statement and, when that statement has no
 *   parameters, travels with it in one simple-protocol message (withTenant's settings); a
 *   transaction that ends before any statement sends nothing.
 *
 * Queries without parameters stay in the simple protocol (several statements per call work).
 */
export function serverPool(pool: pg.Pool, limits: PreparedStatementLimits = DEFAULT_LIMITS): PostgresPool {
  const names = new Map<string, string>()
  const preparedOn = new WeakMap<pg.PoolClient, Set<string>>()
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text)
    if (name === undefined && names.size < limits.texts) {
      name = `mamori_${names.size + 1}`
      names.set(text, name)
    }
    return name
  }
  return {
    options: pool.options,
    end: () => pool.end(),
    connect: async () => {
      const client = await pool.connect()
      let prepared = preparedOn.get(client)
      if (prepared === undefined) {
        try {
          await client.query('set plan_cache_mode = force_custom_plan')
        } catch (error) {
          client.release(true)
          throw error
        }
        prepared = new Set()
        preparedOn.set(client, prepared)
      }
      return new PooledConnection(client, prepared, limits.perConnection, nameFor)
    },
  }
}

type Result<R> = PostgresQueryResult<R>

/** What a statement the server never saw answers: no rows, its own command tag. */
function nothingRan<R>(command: string): Result<R> {
  return { rows: [], command: command.toUpperCase(), rowCount: 0 } as unknown as Result<R>
}

class PooledConnection implements PostgresPoolClient {
  #beginPending = false
  readonly #client: pg.PoolClient
  readonly #prepared: Set<string>
  readonly #perConnection: number
  readonly #nameFor: (text: string) => string | undefined

  constructor(
    client: pg.PoolClient,
    prepared: Set<string>,
    perConnection: number,
    nameFor: (text: string) => string | undefined,
  ) {
    this.#client = client
    this.#prepared = prepared
    this.#perConnection = perConnection
    this.#nameFor = nameFor
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<Result<R>>
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = [],
  ): Promise<Result<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      if (this.#beginPending) throw new Error('a cursor cannot open a transaction; run a statement first')
      return this.#client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>
    }
    return this.#statement<R>(sqlOrCursor, parameters)
  }

  release(destroy?: boolean): void {
    this.#beginPending = false
    this.#client.release(destroy)
  }

  async #statement<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<Result<R>> {
    const simple = parameters.length === 0
    if (simple && sql === 'begin') {
      this.#beginPending = true
      return nothingRan(sql)
    }
    if (this.#beginPending) {
      this.#beginPending = false
      if (simple && (sql === 'commit' || sql === 'rollback')) return nothingRan(sql)
      if (simple) {
        const results = (await this.#client.query(`begin;${sql}`)) as unknown as pg.QueryResult[]
        return results.at(-1) as unknown as Result<R>
      }
      await this.#client.query('begin')
    }
    if (simple) return (await this.#client.query(sql)) as unknown as Result<R>
    const values = [...parameters]
    const name = this.#nameFor(sql)
    if (name !== undefined && (this.#prepared.has(name) || this.#prepared.size < this.#perConnection)) {
      this.#prepared.add(name)
      return (await this.#client.query({ name, text: sql, values })) as unknown as Result<R>
    }
    return (await this.#client.query(sql, values)) as unknown as Result<R>
  }
}
