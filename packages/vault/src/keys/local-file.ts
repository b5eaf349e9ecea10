import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { link, lstat, mkdir, open, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { GCM_TAG_LENGTH, gcmNonce, gcmOpen, gcmSeal } from '../crypto/aes-gcm.ts'
import { VaultError } from '../errors.ts'
import { needs } from '../needs.ts'
import type { KeyProvider, WrapContext } from './key-provider.ts'
import {
  decodeWrappedKey,
  encodeWrappedKey,
  kekVersionUnknown,
  needsWrappableKey,
  unwrapFailed,
  WRAPPED_KEY_BYTES,
  wrappedKeyAad,
  wrappedKeyHeader,
} from './wrapped-key.ts'

/**
 * The `local` key provider: KEKs in files of their own, in a directory outside the database
 * (`data/vault/keys/` by default), one file per KEK version so rotation keeps the old versions
 * until every key is rewrapped, then retires them.
 *
 * KEK file `kek-v<N>.key`, 44 bytes:
 *
 *   offset  0  8 bytes  magic "mamoriK1"
 *   offset  8  4 bytes  KEK version N, big-endian (must equal the N of the file name)
 *   offset 12  32 bytes the KEK (crypto.randomBytes)
 *
 * Safety, checked on every open: the directory is a real directory (not a symlink), owned by this
 * user, mode 0700 or stricter; each file is a regular file opened with O_NOFOLLOW, owned by this
 * user, mode 0600 or stricter. Anything else is KEY_FILE_UNSAFE; a file of the wrong size, magic
 * or version is KEY_FILE_INVALID. New files are written whole to a temporary file (O_EXCL, 0600),
 * synced, then hard-linked into place, which fails rather than overwrites: two processes starting
 * at once end up with one KEK, and a crash never leaves a half-written KEK under its final name.
 */
export type LocalKeyProviderOptions = {
  /** The key directory; created with mode 0700 if missing. */
  directory: string
}

const MAGIC = Buffer.from('mamoriK1', 'latin1')
const FILE_LENGTH = MAGIC.length + 4 + WRAPPED_KEY_BYTES
const FILE_NAME = /^kek-v([1-9][0-9]{0,9})\.key$/
const GROUP_OR_OTHER = 0o077

export async function openLocalKeyProvider(options: LocalKeyProviderOptions): Promise<KeyProvider> {
  const directory = options.directory
  needs(
    typeof directory === 'string' && directory.length > 0,
    'the key directory must be a path',
    'directory',
  )
  await ensureSafeDirectory(directory)

  const keks = new Map<number, KeyObject>()
  for (const name of await readdir(directory)) {
    const version = FILE_NAME.exec(name)?.[1]
    if (version !== undefined && Number(version) <= 0xffffffff) {
      keks.set(Number(version), await readKekFile(directory, Number(version)))
    }
  }
  if (keks.size === 0) {
    keks.set(1, await createKekFile(directory, 1))
  }
  let current = Math.max(...keks.keys())
  let closed = false

  const kekOf = (version: number): KeyObject => {
    const kek = keks.get(version)
    if (kek === undefined) {
      throw kekVersionUnknown()
    }
    return kek
  }
  const needsOpen = () => needs(!closed, 'the local key provider is closed')

  return {
    kind: 'local',
    kekVersion: () => current,
    async wrap(key: Uint8Array, context: WrapContext): Promise<Uint8Array> {
      needsOpen()
      needsWrappableKey(key)
      const header = wrappedKeyHeader(current)
      const nonce = gcmNonce()
      return encodeWrappedKey(
        header,
        nonce,
        gcmSeal(kekOf(current), nonce, wrappedKeyAad('local', header, context), key),
      )
    },
    async unwrap(wrapped: Uint8Array, context: WrapContext): Promise<Buffer> {
      needsOpen()
      const parts = decodeWrappedKey(wrapped)
      const aad = wrappedKeyAad('local', parts.header, context)
      const key = gcmOpen(kekOf(parts.kekVersion), parts.nonce, aad, parts.sealed)
      if (key === undefined || key.length !== parts.sealed.length - GCM_TAG_LENGTH) {
        throw unwrapFailed()
      }
      return key
    },
    async rotate(): Promise<number> {
      needsOpen()
      const next = current + 1
      needs(next <= 0xffffffff, 'no KEK version is left after 2^32 - 1')
      keks.set(next, await createKekFile(directory, next))
      current = next
      return current
    },
    async retire(version: number): Promise<void> {
      needsOpen()
      needs(version !== current, 'the current KEK version cannot be retired', 'version')
      needs(keks.has(version), 'no such KEK version', 'version')
      await unlink(join(directory, kekFileName(version)))
      await syncDirectory(directory)
      keks.delete(version)
    },
    describe: () => ({
      kind: 'local',
      location: directory,
      kekVersion: current,
      kekVersions: [...keks.keys()].sort((a, b) => a - b),
    }),
    async close(): Promise<void> {
      closed = true
      keks.clear()
    },
  }
}

function kekFileName(version: number): string {
  return `kek-v${version}.key`
}

async function ensureSafeDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 })
  const stats = await lstat(directory)
  if (stats.isSymbolicLink() || !stats.isDirectory()) {
    throw unsafe('the key directory is a symlink or not a directory')
  }
  needsOwnedPrivate(stats, 'the key directory')
}

function needsOwnedPrivate(stats: Stats, what: string): void {
  const uid = process.getuid?.()
  if (uid !== undefined && stats.uid !== uid) {
    throw unsafe(`${what} belongs to another user`)
  }
  if ((stats.mode & GROUP_OR_OTHER) !== 0) {
    throw unsafe(`${what} is readable or writable by group or others (want 0600 files in a 0700 directory)`)
  }
}

async function readKekFile(directory: string, version: number): Promise<KeyObject> {
  const file = await openNoFollow(join(directory, kekFileName(version)))
  const content = Buffer.alloc(FILE_LENGTH + 1)
  try {
    const stats = await file.stat()
    if (!stats.isFile()) {
      throw unsafe('a KEK file is not a regular file')
    }
    needsOwnedPrivate(stats, 'a KEK file')
    const { bytesRead } = await file.read(content, 0, content.length, 0)
    if (
      bytesRead !== FILE_LENGTH ||
      !content.subarray(0, MAGIC.length).equals(MAGIC) ||
      content.readUInt32BE(MAGIC.length) !== version
    ) {
      throw new VaultError({
        code: 'KEY_FILE_INVALID',
        message: 'a KEK file has the wrong size, magic or version',
      })
    }
    return createSecretKey(content.subarray(MAGIC.length + 4, FILE_LENGTH))
  } finally {
    content.fill(0)
    await file.close()
  }
}

async function openNoFollow(path: string) {
  try {
    return await open(path, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw unsafe('a KEK file is a symlink')
    }
    throw error
  }
}

/** Writes a new KEK of `version`, or keeps the one another process wrote first; returns what is on disk. */
async function createKekFile(directory: string, version: number): Promise<KeyObject> {
  const content = Buffer.alloc(FILE_LENGTH)
  MAGIC.copy(content, 0)
  content.writeUInt32BE(version, MAGIC.length)
  randomBytes(WRAPPED_KEY_BYTES).copy(content, MAGIC.length + 4)
  const temporary = join(directory, `.${kekFileName(version)}.${randomBytes(8).toString('hex')}.tmp`)
  const file = await open(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  )
  try {
    await file.writeFile(content)
    await file.sync()
  } finally {
    content.fill(0)
    await file.close()
  }
  try {
    await link(temporary, join(directory, kekFileName(version)))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error
    }
  } finally {
    await unlink(temporary)
  }
  await syncDirectory(directory)
  return readKekFile(directory, version)
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY)
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function unsafe(message: string): VaultError {
  return new VaultError({ code: 'KEY_FILE_UNSAFE', message })
}
