import type { PersonAge } from '../premiums/long-term-care-by-person.ts'
import type { WithholdingColumn } from '../withholding/monthly-withholding.ts'

/**
 * What payroll needs to know about one employee besides pay and attendance. The 標準報酬月額 are
 * those in force for the premium month (定時決定, 随時改定, 資格取得時決定: determination/), or null
 * where the employee is not insured (e.g. 70歳以上 for 厚年, a part-timer outside both).
 */
export type PayrollEmployee = {
  /** The birth date places the 介護保険 months exactly; an age is taken as the age all month. */
  readonly person: PersonAge
  readonly healthStandardMonthlyRemuneration: number | null
  readonly pensionStandardMonthlyRemuneration: number | null
  readonly employmentInsured: boolean
  readonly withholdingColumn: WithholdingColumn
  /** 甲: 扶養親族等の数; 乙: those on a 従たる給与についての扶養控除等申告書. */
  readonly dependents: number
}
