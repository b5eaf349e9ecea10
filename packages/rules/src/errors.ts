/**
 * The one error class of @mamori/rules. Callers branch on `code`; users see `messageJa`
 * with `field`. Messages never echo the value that failed: it may be a My Number.
 */
export type RulesErrorCode =
  | 'MY_NUMBER_FORMAT'
  | 'MY_NUMBER_CHECK_DIGIT'
  | 'CORPORATE_NUMBER_FORMAT'
  | 'CORPORATE_NUMBER_CHECK_DIGIT'
  | 'BASIC_PENSION_NUMBER_FORMAT'
  | 'EMPLOYMENT_INSURANCE_NUMBER_FORMAT'
  | 'EMPLOYMENT_INSURANCE_NUMBER_CHECK_DIGIT'
  | 'OFFICE_SYMBOL_FORMAT'
  | 'OFFICE_NUMBER_FORMAT'
  | 'INSURED_SERIAL_FORMAT'
  | 'SHAROUSHI_CODE_FORMAT'
  | 'PREFECTURE_UNKNOWN'
  | 'WAREKI_FORMAT'
  | 'WAREKI_OUT_OF_RANGE'
  | 'DATE_FORMAT'
  | 'DATE_INVALID'
  | 'TABLE_NOT_IN_FORCE'
  | 'AMOUNT_INVALID'
  | 'ARGUMENT_INVALID'
  /** A table is in force but Mamori holds only part of it, and the amount falls in the missing part. */
  | 'TABLE_INCOMPLETE'

export type RulesErrorInit = {
  code: RulesErrorCode
  /** English, for logs. Never contains the offending value. */
  message: string
  /** Japanese, for users: what is wrong and what to do. Never contains the offending value. */
  messageJa: string
  /** The input field the error is about, when there is one. */
  field?: string
}

export class RulesError extends Error {
  readonly code: RulesErrorCode
  readonly messageJa: string
  readonly field: string | undefined

  constructor(init: RulesErrorInit) {
    super(init.message)
    this.name = 'RulesError'
    this.code = init.code
    this.messageJa = init.messageJa
    this.field = init.field
  }
}

export function isRulesError(value: unknown): value is RulesError {
  return value instanceof RulesError
}
