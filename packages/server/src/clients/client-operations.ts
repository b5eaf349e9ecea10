import type { Kysely, Transaction, Updateable } from 'kysely'
import { clientScope } from '../access/access.ts'
import type { ClientsTable } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { audit } from '../people/audit-events.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { presentClient } from './clients.presenter.ts'
import type { ClientRow } from './clients.repo.ts'
import {
  findClient,
  insertClient,
  insurerRatesOf,
  listClients,
  updateClient,
  upsertInsurerRates,
} from './clients.repo.ts'
import type { ClientView, CreateClientInput, InsurerRatesInput, UpdateClientInput } from './clients.schema.ts'

type Db = Kysely<ServerTables>
type Trx = Transaction<ServerTables>

export function clientNotFound(): ServerError {
  return new ServerError({
    code: 'CLIENT_NOT_FOUND',
    message: 'client not found in this office or not assigned to the actor',
    messageJa: '指定された事業所は見つかりません。',
    field: 'clientId',
  })
}

/** The client, if it is in the actor's office and within what the actor may see. */
export async function requireVisibleClient(
  trx: Trx,
  ctx: OperationContext,
  clientId: string,
): Promise<ClientRow> {
  const scope = clientScope(ctx.actor)
  if (scope !== 'all' && !scope.includes(clientId)) throw clientNotFound()
  const row = await findClient(trx, ctx.actor.officeId, clientId)
  if (row === undefined) throw clientNotFound()
  return row
}

async function present(trx: Trx, officeId: string, row: ClientRow): Promise<ClientView> {
  return presentClient(row, await insurerRatesOf(trx, officeId, [row.id]))
}

export async function listVisibleClients(
  db: Db,
  ctx: OperationContext,
  input: { includeArchived: boolean },
): Promise<ClientView[]> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    const rows = await listClients(trx, officeId, clientScope(ctx.actor), input.includeArchived)
    const rates = await insurerRatesOf(
      trx,
      officeId,
      rows.map((r) => r.id),
    )
    return rows.map((row) => presentClient(row, rates))
  })
}

export async function getClient(db: Db, ctx: OperationContext, clientId: string): Promise<ClientView> {
  return withTenant(db, ctx.actor.officeId, async (trx) =>
    present(trx, ctx.actor.officeId, await requireVisibleClient(trx, ctx, clientId)),
  )
}

export async function createClient(
  db: Db,
  ctx: OperationContext,
  input: CreateClientInput,
): Promise<ClientView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    const row = await insertClient(trx, { office_id: officeId, ...clientColumns(input) } as ClientInsert)
    await audit(trx, ctx, {
      type: 'CLIENT_CREATED',
      operation: 'create',
      clientId: row.id,
      fields: Object.keys(input),
    })
    return present(trx, officeId, row)
  })
}

export async function changeClient(
  db: Db,
  ctx: OperationContext,
  clientId: string,
  input: UpdateClientInput,
): Promise<ClientView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    await requireVisibleClient(trx, ctx, clientId)
    const row = await updateClient(trx, officeId, clientId, clientColumns(input))
    if (row === undefined) throw clientNotFound()
    await audit(trx, ctx, {
      type: 'CLIENT_UPDATED',
      operation: 'update',
      clientId,
      fields: Object.keys(input),
    })
    return present(trx, officeId, row)
  })
}

export async function archiveClient(db: Db, ctx: OperationContext, clientId: string): Promise<ClientView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    await requireVisibleClient(trx, ctx, clientId)
    const row = await updateClient(trx, officeId, clientId, { archived_at: new Date() })
    if (row === undefined) throw clientNotFound()
    await audit(trx, ctx, { type: 'CLIENT_ARCHIVED', operation: 'update', clientId, fields: ['archived'] })
    return present(trx, officeId, row)
  })
}

export async function setInsurerRates(
  db: Db,
  ctx: OperationContext,
  clientId: string,
  input: InsurerRatesInput,
): Promise<ClientView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    const client = await requireVisibleClient(trx, ctx, clientId)
    if (client.health_insurer !== 'kumiai') {
      throw new ServerError({
        code: 'REQUEST_INVALID',
        message: 'insurer rates are kept only for a 健康保険組合',
        messageJa:
          '保険料率を登録できるのは健康保険組合に加入している事業所だけです（協会けんぽの料率は自動で適用されます）。',
        field: 'healthInsurer',
      })
    }
    await upsertInsurerRates(trx, {
      office_id: officeId,
      client_id: clientId,
      valid_from: input.validFrom,
      health_rate_percent: input.healthRatePercent,
      health_employee_share_percent: input.healthEmployeeSharePercent,
      care_rate_percent: input.careRatePercent,
      care_employee_share_percent: input.careEmployeeSharePercent,
    })
    await audit(trx, ctx, {
      type: 'CLIENT_UPDATED',
      operation: 'update',
      clientId,
      fields: ['insurerRates'],
    })
    return present(trx, officeId, client)
  })
}

type ClientInsert = Parameters<typeof insertClient>[1]

/** API fields → columns; only the fields present in the input. */
function clientColumns(input: UpdateClientInput): Updateable<ClientsTable> {
  const columns: Updateable<ClientsTable> = {}
  if (input.name !== undefined) columns.name = input.name
  if (input.nameKana !== undefined) columns.name_kana = input.nameKana
  if (input.corporateNumber !== undefined) columns.corporate_number = input.corporateNumber
  if (input.officeSymbol !== undefined) {
    columns.office_symbol_district = input.officeSymbol?.districtCode ?? null
    columns.office_symbol_mark = input.officeSymbol?.officeMark ?? null
  }
  if (input.pensionOfficeNumber !== undefined) columns.pension_office_number = input.pensionOfficeNumber
  if (input.employmentInsuranceOfficeNumber !== undefined)
    columns.employment_insurance_office_number = input.employmentInsuranceOfficeNumber
  if (input.labourInsuranceNumber !== undefined) columns.labour_insurance_number = input.labourInsuranceNumber
  if (input.postalCode !== undefined) columns.postal_code = input.postalCode
  if (input.prefectureCode !== undefined) columns.prefecture_code = input.prefectureCode
  if (input.address !== undefined) columns.address = input.address
  if (input.phone !== undefined) columns.phone = input.phone
  if (input.healthInsurer !== undefined) {
    columns.health_insurer = input.healthInsurer.kind
    columns.health_insurer_name = input.healthInsurer.kind === 'kumiai' ? input.healthInsurer.name : null
    columns.health_insurer_number =
      input.healthInsurer.kind === 'kumiai' ? input.healthInsurer.insurerNumber : null
  }
  return columns
}
