/**
 * The signing side of checkpoints, server only (node:crypto). The Ed25519 private key is a
 * KeyObject loaded from outside the database, so that rewriting the database alone cannot
 * produce a checkpoint that verifies.
 */
import { createPublicKey, type KeyObject, sign } from 'node:crypto'
import { decodeBase64 } from './bytes.ts'
import { type Checkpoint, formatCheckpointBody } from './checkpoint.ts'
import { AuditError } from './errors.ts'
import { isValidKeyName, keyIdOf, parseNote, signatureLine, type VerifierKey } from './signed-note.ts'

export type CheckpointSigner = { name: string; privateKey: KeyObject }

/** The public half, as verifiers are configured with it (see formatVerifierKey). */
export function verifierKeyOf(signer: CheckpointSigner): VerifierKey {
  const { privateKey, name } = signer
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519' || !isValidKeyName(name)) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: 'checkpoint signer needs a valid name and an Ed25519 private key',
      messageJa: 'チェックポイント署名鍵が Ed25519 の秘密鍵ではありません。設定を確認してください。',
      field: 'privateKey',
    })
  }
  // RFC 8037 §2: the JWK "x" member is the 32-byte RFC 8032 public key, base64url.
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' })
  const publicKey = decodeBase64(toStandardBase64(x ?? ''))
  if (publicKey?.length !== 32) throw new Error('Ed25519 JWK without a 32-byte x: Node broke its contract')
  return { name, publicKey }
}

/** c2sp.org/signed-note: the text, a blank line, and our signature line. */
export async function signNote(text: string, signer: CheckpointSigner): Promise<string> {
  const key = verifierKeyOf(signer)
  const signature = sign(null, new TextEncoder().encode(text), signer.privateKey)
  const note = `${text}\n${signatureLine(signer.name, await keyIdOf(key), signature)}`
  // Postcondition: we sign only what our own verifier would read back as this very text.
  if (!isReadableAs(note, text)) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: 'note text must be well-formed lines, each ending in a newline',
      messageJa: '署名する本文の形式が不正です。開発者に連絡してください。',
      field: 'text',
    })
  }
  return note
}

function isReadableAs(note: string, text: string): boolean {
  try {
    return parseNote(note).text === text
  } catch {
    return false
  }
}

/** Precondition: the checkpoint's origin is the signer's name (verifyCheckpoint demands it). */
export async function signCheckpoint(checkpoint: Checkpoint, signer: CheckpointSigner): Promise<string> {
  if (checkpoint.origin !== signer.name) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: 'checkpoint origin must be the signing key name',
      messageJa: 'チェックポイントのログ名と署名鍵の名前が一致しません。設定を確認してください。',
      field: 'origin',
    })
  }
  return signNote(formatCheckpointBody(checkpoint), signer)
}

function toStandardBase64(base64url: string): string {
  const standard = base64url.replaceAll('-', '+').replaceAll('_', '/')
  return standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')
}
