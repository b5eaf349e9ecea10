import { api } from './client.ts'

/** One person of GET /api/clients/:clientId/access-report (server: my-number.schema.ts, ZAccessReport). */
export type AccessReportItem = {
  subjectId: string
  /** The employee the person is, or whose dependent they are; null when no longer on file. */
  employeeId: string | null
  kind: 'employee' | 'dependent' | 'unknown'
  fields: string[]
  operations: string[]
  /** Display names of who acted. */
  actors: string[]
  entries: number
  firstAt: string
  lastAt: string
}

/** all: every operation; disclosure: reads, exports and prints only (who could have seen the data). */
export type AccessReportScope = 'all' | 'disclosure'

/** Office administrators; reading the report is itself an audit entry, so the page asks only on request. */
export async function fetchAccessReport(
  clientId: string,
  options: { days: number; scope: AccessReportScope },
): Promise<AccessReportItem[]> {
  const path = `/clients/${encodeURIComponent(clientId)}/access-report`
  return (await api.get<{ items: AccessReportItem[] }>(path, { query: options })).items
}
