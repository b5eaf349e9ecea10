/**
 * The envelope every audit entry shares. Each host (vault, server) narrows `type` to its own
 * closed union in its `src/audit/events.ts`; this package validates the envelope and nothing
 * else, so an entry can only ever hold ids and codes: never a name, an address or a My Number.
 */
import type { EntryObject } from './entry-encoding.ts'
import { AuditError } from './errors.ts'
import { looksLikeMyNumber } from './my-number-guard.ts'

export type AuditOperation =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'print'
  | 'submit'
  | 'sign_in'
  | 'configure'

export type AuditResult = 'success' | 'denied' | 'failure'

export type AuditEvent<Type extends string = string> = {
  /** UPPER_SNAKE, from the host's closed union. */
  type: Type
  /** When it happened, epoch milliseconds; record() uses the clock when absent. */
  at?: number
  /** The office (tenant) the data belongs to. */
  tenantId: string
  /** Who acted: a user id, or a service id for jobs. */
  actorId: string
  operation: AuditOperation
  result: AuditResult
  /** The client establishment (事業所) whose data was touched. */
  clientId?: string
  /** The person (employee, dependent) whose data was touched. */
  subjectId?: string
  /** Purpose code of the use (利用目的), e.g. `social_insurance`. */
  purpose?: string
  /** Document type code the data went into, e.g. a filing form. */
  document?: string
  requestId?: string
  /** Names of the data items touched (`address`, `myNumber`), never their values. */
  fields?: readonly string[]
}

const TYPE = /^[A-Z][A-Z0-9_]{0,63}$/
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/
const CODE = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/
const FIELD = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/
const MAX_FIELDS = 64

const OPERATIONS: ReadonlySet<string> = new Set<AuditOperation>([
  'read',
  'create',
  'update',
  'delete',
  'export',
  'print',
  'submit',
  'sign_in',
  'configure',
])
const RESULTS: ReadonlySet<string> = new Set<AuditResult>(['success', 'denied', 'failure'])

type Rule = { pattern?: RegExp; allowed?: ReadonlySet<string>; required: boolean }

const STRING_RULES: Record<string, Rule> = {
  type: { pattern: TYPE, required: true },
  tenantId: { pattern: ID, required: true },
  actorId: { pattern: ID, required: true },
  operation: { allowed: OPERATIONS, required: true },
  result: { allowed: RESULTS, required: true },
  clientId: { pattern: ID, required: false },
  subjectId: { pattern: ID, required: false },
  purpose: { pattern: CODE, required: false },
  document: { pattern: CODE, required: false },
  requestId: { pattern: ID, required: false },
}

/**
 * Attacker-influenced: hosts build events from requests. Returns the entry object to encode
 * (absent optional members omitted, `at` filled in), or throws EVENT_CONTAINS_MY_NUMBER /
 * EVENT_INVALID naming the field. The My Number check runs first, on every string, so that a
 * number is refused as a number even where the shape check would also refuse it.
 */
export function validateAuditEvent(event: AuditEvent, now: () => number = Date.now): EntryObject {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw invalid('event', 'event must be an object')
  }
  const input = event as Record<string, unknown>
  for (const [key, value] of Object.entries(input)) {
    const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
    for (const s of strings) if (typeof s === 'string' && looksLikeMyNumber(s)) throw myNumber(key)
  }
  const out: Record<string, string | number | string[]> = {}
  for (const key of Object.keys(input)) {
    if (!(key in STRING_RULES) && key !== 'at' && key !== 'fields') throw invalid(key, 'unknown member')
  }
  for (const [key, rule] of Object.entries(STRING_RULES)) {
    const value = input[key]
    if (value === undefined) {
      if (rule.required) throw invalid(key, 'required member is missing')
      continue
    }
    const ok =
      typeof value === 'string' &&
      (rule.pattern === undefined || rule.pattern.test(value)) &&
      (rule.allowed === undefined || rule.allowed.has(value))
    if (!ok) throw invalid(key, 'member is not an id or code of the allowed form')
    out[key] = value
  }
  const at = input.at ?? now()
  if (!(typeof at === 'number' && Number.isSafeInteger(at) && at > 0)) {
    throw invalid('at', 'at must be epoch milliseconds')
  }
  out.at = at
  if (input.fields !== undefined) {
    const fields = input.fields
    if (
      !Array.isArray(fields) ||
      fields.length > MAX_FIELDS ||
      !fields.every((f) => typeof f === 'string' && FIELD.test(f)) ||
      new Set(fields).size !== fields.length
    ) {
      throw invalid('fields', 'fields must be distinct data item names')
    }
    out.fields = [...fields]
  }
  return out
}

function invalid(field: string, message: string): AuditError {
  return new AuditError({
    code: 'EVENT_INVALID',
    message: `audit event ${field}: ${message}`,
    messageJa: `監査イベントの ${field} が不正です。ID またはコードだけを記録できます。`,
    field,
  })
}

function myNumber(field: string): AuditError {
  return new AuditError({
    code: 'EVENT_CONTAINS_MY_NUMBER',
    message: `audit event ${field} looks like a My Number; the log never holds one`,
    messageJa: `監査イベントの ${field} に個人番号と思われる12桁の数字が含まれています。監査ログに個人番号は記録できません。`,
    field,
  })
}
