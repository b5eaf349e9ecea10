import type { Client } from '../../api/clients.ts'
import { addressLine } from '../../format/labels.ts'

export function healthInsurerLabel(insurer: Client['healthInsurer']): string {
  return insurer.kind === 'kyokai_kenpo' ? '全国健康保険協会（協会けんぽ）' : insurer.name
}

export function clientAddress(client: Pick<Client, 'postalCode' | 'prefectureCode' | 'address'>): string {
  return addressLine(client.prefectureCode, client.address, client.postalCode)
}
