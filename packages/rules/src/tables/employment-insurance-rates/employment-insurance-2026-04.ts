import { perMille } from '../../money/rate.ts'
import type { EmploymentInsuranceRateTable } from './employment-insurance-rate-table.ts'

/** 雇用保険料率 令和8年度 (per 1,000 of 賃金総額): the 失業等給付 part cut by 1/1000. */
export const EMPLOYMENT_INSURANCE_2026_04: EmploymentInsuranceRateTable = {
  kind: 'employment-insurance-rates',
  id: 'employment-insurance-2026-04',
  titleJa: '雇用保険料率 令和8年度',
  effectiveFrom: '2026-04-01',
  effectiveTo: '2027-04-01',
  source: {
    document:
      'shared/domain/premiums.md, 雇用保険料率; 厚労省 https://www.mhlw.go.jp/content/001672589.pdf (as cited by tetra-sr.jp); takadaroumu.jp (東京労働局)',
    confidence: 'CONFIRMED',
    verification:
      'CONFIRMED in the domain file. Cross-checked by Mamori: a stored 社労士 page (令和8年度 雇用保険料率について, linking 厚労省「令和8(2026)年度 雇用保険料率のご案内」) gives 一般の事業 13.5/1000 = worker 5/1000 + employer 8.5/1000. The 農林水産・清酒 and 建設 rows were not re-checked beyond the domain file.',
  },
  rates: {
    general: { worker: perMille('5'), employer: perMille('8.5') },
    'agriculture-forestry-fisheries-sake': { worker: perMille('6'), employer: perMille('9.5') },
    construction: { worker: perMille('6'), employer: perMille('10.5') },
  },
}
