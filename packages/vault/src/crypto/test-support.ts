import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { computeMyNumberCheckDigit } from '@mamori/rules/mynumber/check-digit.ts'
import fc from 'fast-check'
import { isVaultError, type VaultError, type VaultErrorCode } from '../errors.ts'

/** Test helpers of the crypto and key tests: shared, never a stand-in for our own code. */

/** A fresh directory under the system temp dir, removed when the test ends. */
export async function temporaryDirectory(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'mamori-vault-keys-'))
  t.after(() => rm(directory, { recursive: true, force: true }))
  return directory
}

/** Synthetic My Numbers: any 11-digit base with its check digit. */
export const arbitraryMyNumber = fc
  .string({ unit: fc.constantFrom(...'0123456789'), minLength: 11, maxLength: 11 })
  .map((base) => `${base}${computeMyNumberCheckDigit(base)}`)

export const arbitraryId = fc.uuid()

/**
 * Asserts `action` is refused with `code`, and that nothing the error shows (message, messageJa,
 * field, inspect output) contains any of `secrets` (a number, key bytes, a PIN), nor its messages
 * any run of six or more digits (half a My Number; modes like 0600 are fine).
 */
export async function assertRefused(
  action: () => unknown,
  code: VaultErrorCode,
  secrets: readonly string[] = [],
): Promise<VaultError> {
  let caught: unknown
  try {
    await action()
  } catch (error) {
    caught = error
  }
  assert.ok(isVaultError(caught), `expected a VaultError ${code}, got ${String(caught)}`)
  assert.equal(caught.code, code)
  assertNoSecretIn(caught, secrets)
  return caught
}

export function assertNoSecretIn(error: VaultError, secrets: readonly string[]): void {
  const shown = [error.message, error.messageJa, error.field ?? '', inspect(error)]
  for (const secret of secrets) {
    for (const text of shown) {
      assert.ok(!text.includes(secret), 'an error shows a secret')
    }
  }
  assert.doesNotMatch(`${error.message}\n${error.messageJa}`, /[0-9０-９]{6,}/)
}
