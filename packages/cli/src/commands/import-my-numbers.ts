import { sealNumberForVault } from '@mamori/vault-client'
import { CliError } from '../cli-error.ts'
import type { CliIo } from '../cli-io.ts'
import type { ParsedOptions } from '../parse-options.ts'
import type { ImportSession } from './import-session.ts'

/** 本人確認 documents (番号法16条), as the server's relay takes them. */
export const NUMBER_CHECKS = [
  'MY_NUMBER_CARD',
  'NOTIFICATION_CARD',
  'RESIDENCE_CERTIFICATE_WITH_NUMBER',
] as const
export const IDENTITY_CHECKS = [
  'MY_NUMBER_CARD',
  'DRIVERS_LICENSE',
  'PASSPORT',
  'RESIDENCE_CARD',
  'DISABILITY_HANDBOOK',
  'TWO_NON_PHOTO_DOCUMENTS',
  'KNOWN_EMPLOYEE',
] as const
export const PURPOSES = [
  'SOCIAL_INSURANCE_FILING',
  'EMPLOYMENT_INSURANCE_FILING',
  'WITHHOLDING_SLIP',
  'SALARY_PAYMENT_REPORT',
  'DEPENDENT_DEDUCTION_DECLARATION',
] as const

export type NumberRelayOptions = { purpose: string; numberCheck: string; identityCheck: string }

/** The numbers of one table, by file row, kept on this machine (imports/device.ts). */
export type DeviceNumbers = { table: 'employees' | 'dependents'; row: number; number: string }

export type CommittedSubject = {
  table: 'employees' | 'dependents'
  row: number
  subjectId: string
  employeeId: string
}

function choice(options: ParsedOptions, name: string, allowed: readonly string[], fallback?: string): string {
  const value = options[name]
  if (value === undefined && fallback !== undefined) return fallback
  if (typeof value === 'string' && allowed.includes(value)) return value
  throw new CliError({
    code: value === undefined ? 'CLI_MISSING_ARGUMENT' : 'CLI_INVALID_ARGUMENT',
    message: `--${name} must be one of ${allowed.join(', ')}`,
    messageJa: `個人番号を登録するには、行った本人確認を --${name} で指定してください（${allowed.join(' / ')}）。`,
    field: `--${name}`,
    exitCode: 2,
  })
}

/** The relay's options, read before anything is sent, so a missing one costs nothing. */
export function numberRelayOptions(options: ParsedOptions): NumberRelayOptions {
  return {
    purpose: choice(options, 'purpose', PURPOSES, 'SOCIAL_INSURANCE_FILING'),
    numberCheck: choice(options, 'number-check', NUMBER_CHECKS),
    identityCheck: choice(options, 'identity-check', IDENTITY_CHECKS),
  }
}

/**
 * After the commit has made each row's person: seal each number on this machine to the vault's
 * public key, bound to the office, the person and the purpose (HPKE), and send only that
 * ciphertext through the server's relay. A refusal for one person (e.g. the same number on file
 * for someone else, which needs a second user) is listed by row; the people stay registered.
 */
export async function sealAndRelayNumbers(
  io: CliIo,
  session: ImportSession,
  clientId: string,
  numbers: readonly DeviceNumbers[],
  subjects: readonly CommittedSubject[],
  options: NumberRelayOptions,
): Promise<{ registered: number; refused: number }> {
  const { officeId } = (await (await session.get('/auth/session')).json()) as { officeId: string }
  const key = (await (await session.get('/vault/public-key')).json()) as { keyId: string; publicKey: string }
  const byRow = new Map(subjects.map((s) => [`${s.table}:${s.row}`, s]))
  let registered = 0
  let refused = 0
  let shown = -1
  for (const [i, { table, row, number }] of numbers.entries()) {
    const subject = byRow.get(`${table}:${row}`)
    if (subject === undefined) continue
    const sealed = await sealNumberForVault(key.publicKey, key.keyId, number, {
      tenantId: officeId,
      subjectId: subject.subjectId,
      purpose: options.purpose,
    })
    const person =
      table === 'employees'
        ? `/clients/${clientId}/employees/${subject.employeeId}`
        : `/clients/${clientId}/employees/${subject.employeeId}/dependents/${subject.subjectId}`
    try {
      await session.put(`${person}/my-number`, {
        purpose: options.purpose,
        sealed,
        identityCheck: { numberCheck: options.numberCheck, identityCheck: options.identityCheck },
      })
      registered++
    } catch (error) {
      refused++
      const reason =
        error instanceof Error && 'messageJa' in error ? String(error.messageJa) : '登録できませんでした'
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'INTERNAL'
      io.err(`${table === 'employees' ? '社員' : '被扶養者'} ${row}行目 「個人番号」: ${reason} [${code}]`)
    }
    const tenth = Math.floor(((i + 1) * 10) / numbers.length)
    if (tenth > shown) {
      shown = tenth
      io.out(`個人番号を暗号化して登録中: ${i + 1} / ${numbers.length}`)
    }
  }
  return { registered, refused }
}
