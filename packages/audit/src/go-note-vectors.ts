/**
 * Test vectors only: the signed notes of golang.org/x/mod, sumdb/note/note_test.go
 * (golang/mod commit 02c991387e35f9e4c0a9b7ce137717055f8d716d), the reference implementation of
 * c2sp.org/signed-note. Matching them means Go-ecosystem tlog tools and witnesses read our notes.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto'
import type { CheckpointSigner } from './sign-checkpoint.ts'

export const PETER_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
/** Go's signer key: 0x01 then the 32-byte Ed25519 seed, base64. */
export const PETER_SIGNER_KEY =
  'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
export const ENOCH_VERIFIER_KEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop'

export const GO_TEXT =
  'If you think cryptography is the answer to your problem,\n' + "then you don't know what your problem is.\n"
export const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
export const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n'

/** An Ed25519 KeyObject from a 32-byte RFC 8032 seed: the PKCS #8 DER prefix of RFC 8410 §7. */
export function ed25519FromSeed(seed: Uint8Array): KeyObject {
  const prefix = Buffer.from('302e020100300506032b657004220420', 'hex')
  return createPrivateKey({ key: Buffer.concat([prefix, seed]), format: 'der', type: 'pkcs8' })
}

/** Go's PeterNeumann signer as a CheckpointSigner. */
export function peterSigner(): CheckpointSigner {
  const material = Buffer.from(PETER_SIGNER_KEY.split('+').slice(4).join('+'), 'base64')
  return { name: 'PeterNeumann', privateKey: ed25519FromSeed(material.subarray(1)) }
}
