import type { ClientRow, InsurerRatesRow } from './clients.repo.ts'
import type { ClientView } from './clients.schema.ts'

/** The one path from client rows to the API's shape. */
export function presentClient(row: ClientRow, rates: readonly InsurerRatesRow[]): ClientView {
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    corporateNumber: row.corporate_number,
    officeSymbol:
      row.office_symbol_district === null || row.office_symbol_mark === null
        ? null
        : { districtCode: row.office_symbol_district, officeMark: row.office_symbol_mark },
    pensionOfficeNumber: row.pension_office_number,
    employmentInsuranceOfficeNumber: row.employment_insurance_office_number,
    labourInsuranceNumber: row.labour_insurance_number,
    postalCode: row.postal_code,
    prefectureCode: row.prefecture_code,
    address: row.address,
    phone: row.phone,
    healthInsurer:
      row.health_insurer === 'kumiai'
        ? { kind: 'kumiai', name: row.health_insurer_name ?? '', insurerNumber: row.health_insurer_number }
        : { kind: 'kyokai_kenpo' },
    insurerRates: rates
      .filter((r) => r.client_id === row.id)
      .map((r) => ({
        validFrom: r.valid_from,
        healthRatePercent: r.health_rate_percent,
        healthEmployeeSharePercent: r.health_employee_share_percent,
        careRatePercent: r.care_rate_percent,
        careEmployeeSharePercent: r.care_employee_share_percent,
      })),
    archived: row.archived_at !== null,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
