import { isRulesError } from '@mamori/rules/errors.ts'
import { ServerError } from '../errors.ts'

/** Payroll's refusals. Messages name what to fix, never whose data it is (no names, no amounts). */
export function runNotFound(): ServerError {
  return new ServerError({
    code: 'PAYROLL_RUN_NOT_FOUND',
    message: 'payroll run not found in this client',
    messageJa: '指定された給与計算が見つかりません。',
    field: 'runId',
  })
}

export function payslipNotFound(): ServerError {
  return new ServerError({
    code: 'PAYSLIP_NOT_FOUND',
    message: 'payslip not found in this client',
    messageJa: '指定された明細が見つかりません。',
    field: 'payslipId',
  })
}

export function setupIncomplete(what: string, messageJa: string, field: string): ServerError {
  return new ServerError({ code: 'PAYROLL_SETUP_INCOMPLETE', message: what, messageJa, field })
}

export function inputMissing(count: number): ServerError {
  return new ServerError({
    code: 'PAYROLL_INPUT_MISSING',
    message: `${count} employee(s) on the payroll have no attendance input for the month`,
    messageJa: `勤怠が未入力の従業員が${count}人います。当月の勤怠を入力してから計算してください。`,
    field: 'inputs',
  })
}

export function runInProgress(): ServerError {
  return new ServerError({
    code: 'PAYROLL_RUN_IN_PROGRESS',
    message: 'another payroll run of this client and month is in progress',
    messageJa: '同じ事業所・同じ月の給与計算を他の利用者が実行中です。完了してからやり直してください。',
  })
}

export function runFrozen(): ServerError {
  return new ServerError({
    code: 'PAYROLL_RUN_FROZEN',
    message: 'the payroll run is approved and frozen',
    messageJa:
      'この給与計算は承認済みのため再計算できません。変更するには訂正 (新しい版) を作成してください。',
  })
}

export function stateConflict(message: string, messageJa: string, field?: string): ServerError {
  return new ServerError({
    code: 'PAYROLL_RUN_STATE_CONFLICT',
    message,
    messageJa,
    ...(field === undefined ? {} : { field }),
  })
}

/**
 * A refusal of the statutory calculation (a table missing for the date, an input out of range),
 * carried to the user with the rules' own Japanese message and field; anything else is rethrown.
 */
export function calculationRefused(error: unknown): never {
  if (isRulesError(error)) {
    throw new ServerError({
      code: 'PAYROLL_CALCULATION_REFUSED',
      message: `calculation refused: ${error.code}`,
      messageJa: error.messageJa,
      ...(error.field === undefined ? {} : { field: error.field }),
      cause: error,
    })
  }
  throw error
}
