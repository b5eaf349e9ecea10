import { perMille } from '../../money/rate.ts'
import type { EmploymentInsuranceRateTable } from './employment-insurance-rate-table.ts'

/** 雇用保険料率 令和7年度 (per 1,000 of 賃金総額). */
export const EMPLOYMENT_INSURANCE_2025_04: EmploymentInsuranceRateTable = {
  kind: 'employment-insurance-rates',
  id: 'employment-insurance-2025-04',
  titleJa: '雇用保険料率 令和7年度',
  effectiveFrom: '2025-04-01',
  effectiveTo: '2026-04-01',
  source: {
    document:
      'shared/domain/premiums.md, 雇用保険料率; 厚労省 https://www.mhlw.go.jp/content/001401966.pdf (as cited by rakually koyo-hoken.js); newprinet.co.jp',
    confidence: 'CONFIRMED',
    verification:
      'CONFIRMED in the domain file (two sources). Cross-checked by Mamori: news (news.livedoor.com/topics/detail/27816077, via a stored page) reports the 厚労省 plan to cut the total by 0.1pt to 1.45% from April 2025 with the worker share down 0.05pt, which matches 14.5/1000 and 5.5/1000.',
  },
  rates: {
    general: { worker: perMille('5.5'), employer: perMille('9') },
    'agriculture-forestry-fisheries-sake': { worker: perMille('6.5'), employer: perMille('10') },
    construction: { worker: perMille('6.5'), employer: perMille('11') },
  },
}
