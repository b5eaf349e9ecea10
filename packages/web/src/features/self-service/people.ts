import type { Employee } from '../../api/employees.ts'
import type { VaultNumberStatus } from '../../api/self-service.ts'

/** The employee or one of their dependents, as this page names them. */
export type Person = {
  subjectId: string
  dependentId?: string
  label: string
  status: VaultNumberStatus | null
}

/** The employee first, then each dependent, with the vault's status of their number (matched by id). */
export function peopleOf(
  employee: Employee,
  statuses: { self: VaultNumberStatus; dependents: VaultNumberStatus[] },
): Person[] {
  const self: Person = { subjectId: employee.id, label: '本人', status: statuses.self }
  const dependents = employee.dependents.map(
    (d): Person => ({
      subjectId: d.id,
      dependentId: d.id,
      label: `${d.familyName} ${d.givenName}さん（扶養家族）`,
      status: statuses.dependents.find((s) => s.subjectId === d.id) ?? null,
    }),
  )
  return [self, ...dependents]
}
