import type { Kysely } from 'kysely'
import { clientScope } from '../access/access.ts'
import { clientNotFound, requireVisibleClient } from '../clients/client-operations.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { audit } from './audit-events.ts'
import { listEmployees } from './employees.repo.ts'
import type { EmployeeSummaryView, ListEmployeesQuery } from './employees.schema.ts'
import type { OperationContext } from './operation-context.ts'
import { presentSummary } from './people.presenter.ts'

type Db = Kysely<ServerTables>

const SUMMARY_FIELDS = ['name', 'nameKana', 'birthDate', 'hireDate', 'leaveDate', 'employmentType'] as const

/** Search text as stored: NFKC, hiragana as katakana, no spaces (names are matched joined). */
export function normalizeSearch(q: string): string {
  return q
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000]/g, '')
}

type Cursor = { familyNameKana: string; givenNameKana: string; id: string }

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.familyNameKana, cursor.givenNameKana, cursor.id])).toString(
    'base64url',
  )
}

function decodeCursor(text: string): Cursor {
  try {
    const [familyNameKana, givenNameKana, id] = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as unknown[]
    if (
      typeof familyNameKana === 'string' &&
      typeof givenNameKana === 'string' &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { familyNameKana, givenNameKana, id }
    }
  } catch {}
  throw new ServerError({
    code: 'REQUEST_INVALID',
    message: 'cursor is not one this server issued',
    messageJa: 'ページの指定（cursor）が正しくありません。一覧を最初から表示し直してください。',
    field: 'cursor',
  })
}

/**
 * A page of the employees the actor may see. `clientInRoute`: the client came from the route's
 * :clientId, which the access hook has already found in the office (in the session's own query),
 * so it is not looked up again; a clientId from the query string is.
 */
export async function findEmployees(
  db: Db,
  ctx: OperationContext,
  query: ListEmployeesQuery,
  clientInRoute = false,
): Promise<{ items: EmployeeSummaryView[]; nextCursor: string | null }> {
  const scope = clientScope(ctx.actor)
  const clientIds =
    query.clientId === undefined
      ? scope
      : scope === 'all' || scope.includes(query.clientId)
        ? [query.clientId]
        : null
  if (clientIds === null) throw clientNotFound()
  const officeId = ctx.actor.officeId
  return withTenant(
    db,
    officeId,
    async (trx) => {
      if (query.clientId !== undefined && !clientInRoute) await requireVisibleClient(trx, ctx, query.clientId)
      const rows = await listEmployees(trx, officeId, {
        clientIds,
        status: query.status,
        limit: query.limit + 1,
        ...(query.q === undefined ? {} : { search: normalizeSearch(query.q) }),
        ...(query.employmentType === undefined ? {} : { employmentType: query.employmentType }),
        ...(query.cursor === undefined ? {} : { after: decodeCursor(query.cursor) }),
      })
      const page = rows.slice(0, query.limit)
      const last = page.at(-1)
      await audit(trx, ctx, {
        type: 'EMPLOYEES_LISTED',
        operation: 'read',
        fields: SUMMARY_FIELDS,
        ...(query.clientId === undefined ? {} : { clientId: query.clientId }),
      })
      return {
        items: page.map(presentSummary),
        nextCursor:
          rows.length > query.limit && last !== undefined
            ? encodeCursor({
                familyNameKana: last.family_name_kana,
                givenNameKana: last.given_name_kana,
                id: last.id,
              })
            : null,
      }
    },
    // Every page runs the same plan (the listing index in kana order); planning it on each call
    // was most of the database's time per page.
    { genericPlans: true },
  )
}
