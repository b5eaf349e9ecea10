/** Login ids compare after NFKC and lower-casing, so `Ｙａｍａｄａ` and `yamada` are one id. */
export const LOGIN_ID_PATTERN = /^[a-z0-9][a-z0-9._@+-]{2,99}$/

export function normaliseLoginId(loginId: string): string {
  return loginId.normalize('NFKC').trim().toLowerCase()
}
