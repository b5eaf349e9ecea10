import { RulesError } from '../errors.ts'
import { longTermCareMonths, longTermCareStatus } from './long-term-care-eligibility.ts'

/**
 * A person as a premium calculation needs them: a birth date (exact, month by month), or an age
 * for quick checks (`mamori calc --age`), taken as the age throughout the month.
 */
export type PersonAge = { readonly birthDate: string } | { readonly age: number }

export type LongTermCareDecision = { readonly insured: boolean; readonly explanationJa: string }

function assertAge(age: number): void {
  if (!Number.isSafeInteger(age) || age < 0 || age > 150) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: 'age must be a whole number from 0 to 150',
      messageJa: '年齢は 0 以上 150 以下の整数で指定してください。',
      field: 'age',
    })
  }
}

/**
 * Whether 介護保険料 is charged for the month containing `date`. Age alone cannot place the month
 * in which one turns 40 or 65; give the birth date for those months.
 */
export function decideLongTermCare(person: PersonAge, date: string): LongTermCareDecision {
  if ('birthDate' in person) return longTermCareStatus({ birthDate: person.birthDate, date })
  assertAge(person.age)
  const insured = person.age >= 40 && person.age <= 64
  return {
    insured,
    explanationJa: `${person.age}歳として計算: 介護保険第2号被保険者 (40〜64歳) に${insured ? '該当します' : '該当しません'}。40歳・65歳に達する月は生年月日で判定してください。`,
  }
}

/** decideLongTermCare's answer without its explanation (a payroll run of many employees). */
export function isLongTermCareInsured(person: PersonAge, date: string): boolean {
  if ('birthDate' in person) return longTermCareMonths({ birthDate: person.birthDate, date }).insured
  assertAge(person.age)
  return person.age >= 40 && person.age <= 64
}
