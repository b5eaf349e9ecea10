import { percent } from '../../money/rate.ts'
import type { PensionRateTable } from './pension-rate-table.ts'

/** 厚生年金保険料率 18.300%, fixed since September 2017 (厚生年金保険法81条4項, the end of the 2004 schedule). */
export const PENSION_RATE_2017_09: PensionRateTable = {
  kind: 'pension-rate',
  id: 'pension-rate-2017-09',
  titleJa: '厚生年金保険料率 18.300% (平成29年9月分〜)',
  effectiveFrom: '2017-09-01',
  effectiveTo: null,
  source: {
    document: 'shared/domain/premiums.md, Rates at a glance; 日本年金機構 厚生年金保険料額表',
    confidence: 'CONFIRMED',
    verification: 'Domain file, CONFIRMED (日本年金機構). Not re-checked: the rate is fixed by statute.',
  },
  rate: percent('18.3'),
}
