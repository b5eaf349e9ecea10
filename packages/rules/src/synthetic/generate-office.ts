import { RulesError } from '../errors.ts'
import { createSyntheticGenerator, type SyntheticGeneratorOptions } from './generator.ts'
import type { SyntheticClient, SyntheticDependent, SyntheticEmployee, SyntheticOffice } from './types.ts'

export type GenerateOfficeOptions = SyntheticGeneratorOptions & {
  seed: number | string
  clients: number
  employeesPerClient: number
  /** Default true: each employee gets 0–3 dependents. */
  dependents?: boolean
}

/**
 * 個人番号 sit beside the people they belong to, not inside them: in Mamori they live only in
 * the vault, so a consumer must take them deliberately.
 */
export type SyntheticEmployeeRecord = {
  employee: SyntheticEmployee
  myNumber: string
  dependents: Array<{ dependent: SyntheticDependent; myNumber: string }>
}

export type SyntheticOfficeData = {
  office: SyntheticOffice
  clients: Array<{ client: SyntheticClient; employees: SyntheticEmployeeRecord[] }>
}

/** One 社労士 office with its clients and their employees; same options → same data. */
export function generateOffice(options: GenerateOfficeOptions): SyntheticOfficeData {
  for (const count of [options.clients, options.employeesPerClient]) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RulesError({
        code: 'ARGUMENT_INVALID',
        message: 'clients and employeesPerClient must be non-negative integers',
        messageJa: '顧問先数と従業員数は0以上の整数で指定してください。',
      })
    }
  }
  const generator = createSyntheticGenerator(options.seed, options)
  const withDependents = options.dependents ?? true
  const office = generator.office()
  const clients: SyntheticOfficeData['clients'] = []
  for (let c = 0; c < options.clients; c++) {
    const client = generator.client()
    const employees: SyntheticEmployeeRecord[] = []
    for (let e = 0; e < options.employeesPerClient; e++) {
      const employee = generator.employee(client)
      const myNumber = generator.myNumber()
      const dependents = withDependents
        ? generator.dependents(employee).map((dependent) => ({ dependent, myNumber: generator.myNumber() }))
        : []
      employees.push({ employee, myNumber, dependents })
    }
    clients.push({ client, employees })
  }
  return { office, clients }
}
