import { api } from './client.ts'

/** One entry of GET …/employees/:employeeId/access-history (server: my-number/my-number.schema.ts, ZAccessHistory). */
export type AccessHistoryItem = {
  at: string
  /** The employee or one of their dependents. */
  subjectId: string
  /** Display name of who acted; 本人 for the person themself, システム for the server. */
  actor: string
  type: string
  operation: string
  result: string
  purpose: string | null
  document: string | null
  fields: string[]
}

/** Reading the history is itself an audit entry: the page loads it only when asked. */
export async function fetchAccessHistory(
  clientId: string,
  employeeId: string,
  days: number,
): Promise<AccessHistoryItem[]> {
  const path = `/clients/${encodeURIComponent(clientId)}/employees/${encodeURIComponent(employeeId)}/access-history`
  return (await api.get<{ items: AccessHistoryItem[] }>(path, { query: { days } })).items
}
