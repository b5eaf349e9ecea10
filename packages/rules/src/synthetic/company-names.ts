/** Parts of made-up company names: 「株式会社みどり商事」, 「北斗工業株式会社」. */
// biome-ignore format: a table reads best in rows
export const COMPANY_WORDS: readonly string[] = [
  'みどり', 'あおば', 'さくら', 'ひかり', '大和', '日の出', '富士見', '北斗', '明星', '菊水',
  '東雲', '千歳', '若竹', '朝日', '青空', '銀河', '白樺', '紅葉', '瑞穂', '豊和',
]

// biome-ignore format: a table reads best in rows
export const COMPANY_TRADES: readonly string[] = [
  '商事', '工業', '製作所', '運輸', '建設', '食品', '電機', '物産', 'システム', '不動産',
  '印刷', '興産', '精機', '技研', '設計', '物流', '化成', '産業',
]

export const COMPANY_FORMS: readonly string[] = ['株式会社', '株式会社', '株式会社', '有限会社', '合同会社']
