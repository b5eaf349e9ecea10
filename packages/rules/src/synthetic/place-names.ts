/**
 * Prefectures by JIS X 0401 code (1–47; the 日本年金機構 uses its own codes, see
 * e-filing-formats.md) and made-up city and town names for fictional addresses.
 */
// biome-ignore format: a table reads best in rows
export const PREFECTURES: readonly string[] = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
]

// biome-ignore format: a table reads best in rows
export const CITY_NAMES: readonly string[] = [
  '若葉市', '桜ヶ丘市', '緑川市', '青葉台市', '東浜市', '西原台市', '南野辺市', '北山田市', '朝日台市', '白鷺市',
  '双葉野市', '光陽市', '清流市', '松風市', '花園台市', '星見市', '月見野市', '水城市', '鶴見台市', '梅ノ木市',
]

// biome-ignore format: a table reads best in rows
export const TOWN_NAMES: readonly string[] = [
  '本町', '中央', '栄町', '緑町', '桜町', '東町', '西町', '幸町', '旭町', '寿町',
  '末広町', '若松町', '松原', '柳町', '新町', '元町', '錦町', '曙町', '宮前', '港町',
]
