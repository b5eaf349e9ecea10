import { percent } from '../../money/rate.ts'
import type { KyokaiKenpoRateTable } from './kyokai-kenpo-rate-table.ts'

/** 協会けんぽ 令和8年度 (FY2026): 健康保険料率 by prefecture and the nationwide 介護保険料率, from the March 分 保険料. */
export const KYOKAI_KENPO_RATES_2026_03: KyokaiKenpoRateTable = {
  kind: 'kyokai-kenpo-rates',
  id: 'kyokai-kenpo-2026-03',
  titleJa: '協会けんぽ 令和8年度 保険料率 (令和8年3月分〜)',
  effectiveFrom: '2026-03-01',
  effectiveTo: '2027-03-01',
  source: {
    document:
      'shared/domain/premiums.md, 協会けんぽ 健康保険料率 by prefecture and Rates at a glance; 協会けんぽ https://www.kyoukaikenpo.or.jp/about/business/insurance_rate/rate_prefectures/',
    confidence: 'SECONDARY',
    verification:
      'Per-prefecture rates SECONDARY (rakually, machine-extracted from the 協会けんぽ R8 PDFs). Cross-checked by Mamori (2 independent sources agree, which meets the README CONFIRMED rule; the domain mark is kept until the domain file is updated): all 47 values equal the 令和8年度 column of office-mori.biz/?p=10257 (compared by script); highest 佐賀 10.55% and lowest 新潟 9.21% as in horei.co.jp; 40 down / 7 unchanged as in news.livedoor.com/topics/detail/30471468 (全国平均 9.90%). The official PDF itself was not read. 介護 1.62% CONFIRMED (horei.co.jp, office-mori.biz, workinnovation.co.jp). The table ends at the 令和9年3月分 because the next 年度 rates are not known.',
  },
  healthRates: {
    1: percent('10.28'), // 北海道
    2: percent('9.85'), // 青森県
    3: percent('9.51'), // 岩手県
    4: percent('10.10'), // 宮城県
    5: percent('10.01'), // 秋田県
    6: percent('9.75'), // 山形県
    7: percent('9.50'), // 福島県
    8: percent('9.52'), // 茨城県
    9: percent('9.82'), // 栃木県
    10: percent('9.68'), // 群馬県
    11: percent('9.67'), // 埼玉県
    12: percent('9.73'), // 千葉県
    13: percent('9.85'), // 東京都
    14: percent('9.92'), // 神奈川県
    15: percent('9.21'), // 新潟県
    16: percent('9.59'), // 富山県
    17: percent('9.70'), // 石川県
    18: percent('9.71'), // 福井県
    19: percent('9.55'), // 山梨県
    20: percent('9.63'), // 長野県
    21: percent('9.80'), // 岐阜県
    22: percent('9.61'), // 静岡県
    23: percent('9.93'), // 愛知県
    24: percent('9.77'), // 三重県
    25: percent('9.88'), // 滋賀県
    26: percent('9.89'), // 京都府
    27: percent('10.13'), // 大阪府
    28: percent('10.12'), // 兵庫県
    29: percent('9.91'), // 奈良県
    30: percent('10.06'), // 和歌山県
    31: percent('9.86'), // 鳥取県
    32: percent('9.94'), // 島根県
    33: percent('10.05'), // 岡山県
    34: percent('9.78'), // 広島県
    35: percent('10.15'), // 山口県
    36: percent('10.24'), // 徳島県
    37: percent('10.02'), // 香川県
    38: percent('9.98'), // 愛媛県
    39: percent('10.05'), // 高知県
    40: percent('10.11'), // 福岡県
    41: percent('10.55'), // 佐賀県
    42: percent('10.06'), // 長崎県
    43: percent('10.08'), // 熊本県
    44: percent('10.08'), // 大分県
    45: percent('9.77'), // 宮崎県
    46: percent('10.13'), // 鹿児島県
    47: percent('9.44'), // 沖縄県
  },
  longTermCareRate: percent('1.62'),
}
