/**
 * The TOTP secret of an otpauth:// URI (Google Authenticator's Key Uri Format), for a person
 * who types it into an authenticator app: base32 in groups of four.
 */
export type OtpauthParts = { secret: string; issuer: string | null; account: string | null }

export function parseOtpauthUri(uri: string): OtpauthParts | null {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return null
  }
  if (url.protocol !== 'otpauth:') return null
  const secret = url.searchParams.get('secret')
  if (secret === null || !/^[A-Z2-7]+=*$/i.test(secret)) return null
  const label = decodeURIComponent(url.pathname.replace(/^\/*(totp\/)?/, ''))
  const [labelIssuer, account] = label.includes(':') ? label.split(':', 2) : [null, label]
  return {
    secret: secret.toUpperCase(),
    issuer: url.searchParams.get('issuer') ?? labelIssuer ?? null,
    account: account === undefined || account === '' ? null : account,
  }
}

export function groupedSecret(secret: string): string {
  return (
    secret
      .replace(/=+$/, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  )
}
