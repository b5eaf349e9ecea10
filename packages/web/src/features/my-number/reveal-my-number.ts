import { createRecipientKeyPair, openSealedFromVault } from '@mamori/vault/contract'
import type { MyNumberSubject } from '../../api/my-number.ts'
import { requestReveal } from '../../api/my-number.ts'

/**
 * Asks the vault (through the server) for a number and opens it in this page: a key pair made for
 * this one reveal, only its public half sent; the vault seals the number to it, bound to the office
 * and the request, so the server relays only ciphertext and the private key dies with the page's
 * state. Returns the 12 digits.
 */
export async function revealMyNumber(
  subject: MyNumberSubject,
  officeId: string,
  reason: string,
): Promise<string> {
  const keys = await createRecipientKeyPair()
  const revealed = await requestReveal(subject, { reason: reason.trim(), recipientPublicKey: keys.publicKey })
  const bytes = await openSealedFromVault(keys.privateKey, revealed.sealed, {
    tenantId: officeId,
    requestId: revealed.requestId,
  })
  try {
    const digits = new TextDecoder().decode(bytes)
    if (!/^[0-9]{12}$/.test(digits)) throw new Error('the vault sealed something that is not a My Number')
    return digits
  } finally {
    bytes.fill(0)
  }
}
