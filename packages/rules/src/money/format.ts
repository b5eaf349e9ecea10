/** '300,000円' — for explanations shown to a 社労士. */
export function formatYen(amount: number): string {
  return `${amount.toLocaleString('ja-JP')}円`
}

/** 545050 銭 → '5,450.50円'; whole yen print without 銭. */
export function formatSen(sen: number): string {
  const yen = Math.floor(sen / 100)
  const rest = sen % 100
  return rest === 0 ? formatYen(yen) : `${yen.toLocaleString('ja-JP')}.${String(rest).padStart(2, '0')}円`
}
