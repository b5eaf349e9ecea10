import { api } from './client.ts'

/** Shapes of packages/server/src/clients/clients.schema.ts (ZClient). */
export type Client = {
  id: string
  name: string
  nameKana: string | null
  corporateNumber: string | null
  officeSymbol: { districtCode: string; officeMark: string } | null
  pensionOfficeNumber: string | null
  employmentInsuranceOfficeNumber: string | null
  labourInsuranceNumber: string | null
  postalCode: string | null
  prefectureCode: number
  address: string
  phone: string | null
  healthInsurer: { kind: 'kyokai_kenpo' } | { kind: 'kumiai'; name: string; insurerNumber: string | null }
  insurerRates: Array<{
    validFrom: string
    healthRatePercent: string
    healthEmployeeSharePercent: string
    careRatePercent: string
    careEmployeeSharePercent: string
  }>
  archived: boolean
  updatedAt: string
}

export async function listClients(includeArchived: boolean): Promise<Client[]> {
  const list = await api.get<{ items: Client[] }>('/clients', {
    query: { includeArchived: String(includeArchived) },
  })
  return list.items
}

export function getClient(clientId: string): Promise<Client> {
  return api.get(`/clients/${encodeURIComponent(clientId)}`)
}
