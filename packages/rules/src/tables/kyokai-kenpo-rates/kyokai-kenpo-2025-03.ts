import { percent } from '../../money/rate.ts'
import type { KyokaiKenpoRateTable } from './kyokai-kenpo-rate-table.ts'

/** 協会けんぽ 令和7年度 (FY2025): 健康保険料率 by prefecture and the nationwide 介護保険料率, from the March 分 保険料. */
export const KYOKAI_KENPO_RATES_2025_03: KyokaiKenpoRateTable = {
  kind: 'kyokai-kenpo-rates',
  id: 'kyokai-kenpo-2025-03',
  titleJa: '協会けんぽ 令和7年度 保険料率 (令和7年3月分〜)',
  effectiveFrom: '2025-03-01',
  effectiveTo: '2026-03-01',
  source: {
    document:
      'shared/domain/premiums.md, 協会けんぽ 健康保険料率 by prefecture and Rates at a glance; 協会けんぽ https://www.kyoukaikenpo.or.jp/about/business/insurance_rate/rate_prefectures/',
    confidence: 'SECONDARY',
    verification:
      'Per-prefecture rates SECONDARY (rakually, checked by its author against the 協会けんぽ r07 page). Cross-checked by Mamori (2 independent sources agree, which meets the README CONFIRMED rule; the domain mark is kept until the domain file is updated): all 47 values equal the 令和7年度 column of office-mori.biz/?p=10257 (a 社労士 office page quoting the 協会けんぽ announcement), an independent second source, compared by script. 介護 1.59% CONFIRMED (horei.co.jp, midorigr.com, workinnovation.co.jp).',
  },
  healthRates: {
    1: percent('10.31'), // 北海道
    2: percent('9.85'), // 青森県
    3: percent('9.62'), // 岩手県
    4: percent('10.11'), // 宮城県
    5: percent('10.01'), // 秋田県
    6: percent('9.75'), // 山形県
    7: percent('9.62'), // 福島県
    8: percent('9.67'), // 茨城県
    9: percent('9.82'), // 栃木県
    10: percent('9.77'), // 群馬県
    11: percent('9.76'), // 埼玉県
    12: percent('9.79'), // 千葉県
    13: percent('9.91'), // 東京都
    14: percent('9.92'), // 神奈川県
    15: percent('9.55'), // 新潟県
    16: percent('9.65'), // 富山県
    17: percent('9.88'), // 石川県
    18: percent('9.94'), // 福井県
    19: percent('9.89'), // 山梨県
    20: percent('9.69'), // 長野県
    21: percent('9.93'), // 岐阜県
    22: percent('9.80'), // 静岡県
    23: percent('10.03'), // 愛知県
    24: percent('9.99'), // 三重県
    25: percent('9.97'), // 滋賀県
    26: percent('10.03'), // 京都府
    27: percent('10.24'), // 大阪府
    28: percent('10.16'), // 兵庫県
    29: percent('10.02'), // 奈良県
    30: percent('10.19'), // 和歌山県
    31: percent('9.93'), // 鳥取県
    32: percent('9.94'), // 島根県
    33: percent('10.17'), // 岡山県
    34: percent('9.97'), // 広島県
    35: percent('10.36'), // 山口県
    36: percent('10.47'), // 徳島県
    37: percent('10.21'), // 香川県
    38: percent('10.18'), // 愛媛県
    39: percent('10.13'), // 高知県
    40: percent('10.31'), // 福岡県
    41: percent('10.78'), // 佐賀県
    42: percent('10.41'), // 長崎県
    43: percent('10.12'), // 熊本県
    44: percent('10.25'), // 大分県
    45: percent('10.09'), // 宮崎県
    46: percent('10.31'), // 鹿児島県
    47: percent('9.44'), // 沖縄県
  },
  longTermCareRate: percent('1.59'),
}
