/**
 * The checkpoint signing key lives in a file outside the database (a PKCS#8 PEM, mode 0600 in a
 * 0700 directory): whoever can rewrite the database still cannot sign a checkpoint that verifies.
 * Production may hold it in an HSM instead; hosts then build the CheckpointSigner themselves.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto'
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AuditError } from './errors.ts'
import type { CheckpointSigner } from './sign-checkpoint.ts'
import { verifierKeyOf } from './sign-checkpoint.ts'

export type SigningKeyFile = { signer: CheckpointSigner; path: string; created: boolean }

/**
 * The key at `path` for the log `name` (the checkpoints' origin). With `create`, a missing key is
 * generated: written and fsynced under a temporary name, then linked into place, which fails if
 * the file exists (O_EXCL semantics), so two processes starting at once end up with one key and
 * neither ever reads a half-written file. Without `create` (verifiers), a missing key is
 * SIGNING_KEY_MISSING.
 */
export async function openSigningKey(
  path: string,
  name: string,
  options: { create: boolean },
): Promise<SigningKeyFile> {
  let created = false
  if (options.create) {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    await chmod(dirname(path), 0o700)
    created = await createIfMissing(path)
  }
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new AuditError({
      code: 'SIGNING_KEY_MISSING',
      message: 'signing key file does not exist',
      messageJa: `監査ログの署名鍵ファイル ${path} がありません。ログを書いたサービスを一度起動したか、データディレクトリの指定が正しいか確認してください。`,
      field: 'signingKey',
    })
  }
  // A key others can read may already be copied: refuse it rather than sign with it.
  if ((info.mode & 0o077) !== 0) {
    throw new AuditError({
      code: 'SIGNING_KEY_INSECURE',
      message: 'signing key file is readable by group or others',
      messageJa: `監査ログの署名鍵ファイル ${path} が所有者以外から読めます。chmod 600 で権限を直してください。`,
      field: 'signingKey',
    })
  }
  let signer: CheckpointSigner
  try {
    signer = { name, privateKey: createPrivateKey(await readFile(path, 'utf8')) }
    verifierKeyOf(signer)
  } catch {
    throw new AuditError({
      code: 'SIGNING_KEY_INVALID',
      message: 'signing key file does not hold an Ed25519 private key',
      messageJa: `監査ログの署名鍵ファイル ${path} が Ed25519 の秘密鍵ではありません。`,
      field: 'signingKey',
    })
  }
  return { signer, path, created }
}

/** `<directory>/<name>.ed25519.pem` for the log `name`, created on first use. */
export async function loadOrCreateSigningKey(directory: string, name: string): Promise<CheckpointSigner> {
  return (await openSigningKey(join(directory, signingKeyFileName(name)), name, { create: true })).signer
}

/** Log names look like `audit-vault` or `mamori.example/vault`; the file name keeps them flat. */
export function signingKeyFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9.-]/g, '_')}.ed25519.pem`
}

async function createIfMissing(path: string): Promise<boolean> {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' })
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const file = await open(temporary, 'wx', 0o600)
  try {
    await file.writeFile(pem)
    await file.sync()
  } finally {
    await file.close()
  }
  try {
    await link(temporary, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await unlink(temporary)
  }
}
