import { randomBytes } from 'node:crypto'
import { endianness } from 'node:os'
import pkcs11js from 'pkcs11js'
import { VaultError } from '../errors.ts'
import { needs } from '../needs.ts'
import type { KeyProvider, WrapContext } from './key-provider.ts'
import {
  decodeWrappedKey,
  encodeWrappedKey,
  kekVersionUnknown,
  NONCE_LENGTH,
  needsWrappableKey,
  TAG_LENGTH,
  unwrapFailed,
  WRAPPED_KEY_BYTES,
  wrappedKeyAad,
  wrappedKeyHeader,
} from './wrapped-key.ts'

/**
 * The `pkcs11` key provider: KEKs are AES-256 keys generated on a PKCS#11 token (an HSM; SoftHSM2
 * in tests) and never leave it. Wrap and unwrap run on the token with CKM_AES_GCM through
 * C_Encrypt / C_Decrypt, writing the same wrapped-key format as the local provider
 * (wrapped-key.ts): GCM takes the associated data that binds tenant, key id, version and purpose,
 * which CKM_AES_KEY_WRAP_PAD (RFC 5649) cannot, and SoftHSM2 2.6 implements it. The 96-bit nonce
 * comes from the host's CSPRNG, as PKCS#11 2.40 GCM expects the caller to supply it.
 *
 * Each KEK version is a token object with CKA_LABEL = `keyLabel` and CKA_ID = the version as
 * 4 bytes big-endian. On open, every such key must be AES-256 with CKA_SENSITIVE and
 * CKA_ALWAYS_SENSITIVE true and CKA_EXTRACTABLE false and CKA_NEVER_EXTRACTABLE true: it was made
 * on the token and its value can never be read out. Anything else, or two keys for one version,
 * is HSM_KEY_UNSAFE. With no key at all, version 1 is generated.
 */
export type Pkcs11KeyProviderOptions = {
  /** Path of the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  library: string
  /** The token's label (CK_TOKEN_INFO.label, without its padding). */
  tokenLabel: string
  /** The user PIN. Never logged, never in an error. */
  pin: string
  /** CKA_LABEL of the KEK objects. Default 'mamori-vault-kek'. */
  keyLabel?: string
}

export const DEFAULT_KEK_LABEL = 'mamori-vault-kek'

type Library = { module: pkcs11js.PKCS11; users: number; initialized: boolean }

// One loaded module per library path and process: C_Initialize and C_Finalize are process-wide.
const libraries = new Map<string, Library>()

export async function openPkcs11KeyProvider(options: Pkcs11KeyProviderOptions): Promise<KeyProvider> {
  const keyLabel = options.keyLabel ?? DEFAULT_KEK_LABEL
  needs(typeof options.pin === 'string' && options.pin.length > 0, 'a PKCS#11 user PIN is required', 'pin')
  needs(typeof options.tokenLabel === 'string' && options.tokenLabel.length > 0, 'a token label is required')
  const library = acquireLibrary(options.library)
  const p11 = library.module
  let session: Buffer | undefined
  try {
    const slot = p11
      .C_GetSlotList(true)
      .find((candidate) => p11.C_GetTokenInfo(candidate).label.trimEnd() === options.tokenLabel)
    if (slot === undefined) {
      throw hsmUnavailable('no token with the configured label')
    }
    session = hsm('open a session', () =>
      p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION),
    )
    const opened = session
    try {
      p11.C_Login(opened, pkcs11js.CKU_USER, options.pin)
    } catch (error) {
      if (!(error instanceof pkcs11js.Pkcs11Error && error.code === pkcs11js.CKR_USER_ALREADY_LOGGED_IN)) {
        throw hsmUnavailable(`login failed${returnValueName(error)}`)
      }
    }
    const keks = findKeks(p11, opened, keyLabel)
    if (keks.size === 0) {
      keks.set(1, generateKek(p11, opened, keyLabel, 1))
    }
    return providerOf(p11, opened, keks, { ...options, keyLabel }, () => releaseLibrary(options.library))
  } catch (error) {
    if (session !== undefined) {
      p11.C_CloseSession(session)
    }
    releaseLibrary(options.library)
    throw error
  }
}

function providerOf(
  p11: pkcs11js.PKCS11,
  session: Buffer,
  keks: Map<number, Buffer>,
  options: Pkcs11KeyProviderOptions & { keyLabel: string },
  release: () => void,
): KeyProvider {
  let current = Math.max(...keks.keys())
  let closed = false
  const kekOf = (version: number): Buffer => {
    const kek = keks.get(version)
    if (kek === undefined) {
      throw kekVersionUnknown()
    }
    return kek
  }
  const gcm = (nonce: Uint8Array, aad: Uint8Array): pkcs11js.Mechanism => {
    const parameter: pkcs11js.AesGCM = {
      type: pkcs11js.CK_PARAMS_AES_GCM,
      iv: Buffer.from(nonce),
      aad: Buffer.from(aad),
      ivBits: NONCE_LENGTH * 8,
      tagBits: TAG_LENGTH * 8,
    }
    return { mechanism: pkcs11js.CKM_AES_GCM, parameter }
  }
  const needsOpen = () => needs(!closed, 'the PKCS#11 key provider is closed')

  return {
    kind: 'pkcs11',
    kekVersion: () => current,
    async wrap(key: Uint8Array, context: WrapContext): Promise<Uint8Array> {
      needsOpen()
      needsWrappableKey(key)
      const header = wrappedKeyHeader(current)
      const nonce = randomBytes(NONCE_LENGTH)
      const aad = wrappedKeyAad('pkcs11', header, context)
      const input = Buffer.from(key)
      try {
        const sealed = hsm('encrypt', () => {
          p11.C_EncryptInit(session, gcm(nonce, aad), kekOf(current))
          return p11.C_Encrypt(session, input, Buffer.alloc(WRAPPED_KEY_BYTES + TAG_LENGTH))
        })
        return encodeWrappedKey(header, nonce, sealed)
      } finally {
        input.fill(0)
      }
    },
    async unwrap(wrapped: Uint8Array, context: WrapContext): Promise<Buffer> {
      needsOpen()
      const parts = decodeWrappedKey(wrapped)
      const aad = wrappedKeyAad('pkcs11', parts.header, context)
      const kek = kekOf(parts.kekVersion)
      let key: Buffer
      try {
        p11.C_DecryptInit(session, gcm(parts.nonce, aad), kek)
        key = p11.C_Decrypt(session, Buffer.from(parts.sealed), Buffer.alloc(parts.sealed.length))
      } catch (error) {
        if (error instanceof pkcs11js.Pkcs11Error) {
          throw unwrapFailed()
        }
        throw hsmUnavailable('decrypt failed')
      }
      if (key.length !== WRAPPED_KEY_BYTES) {
        key.fill(0)
        throw unwrapFailed()
      }
      return key
    },
    async rotate(): Promise<number> {
      needsOpen()
      const next = current + 1
      needs(next <= 0xffffffff, 'no KEK version is left after 2^32 - 1')
      keks.set(next, generateKek(p11, session, options.keyLabel, next))
      current = next
      return current
    },
    async retire(version: number): Promise<void> {
      needsOpen()
      needs(version !== current, 'the current KEK version cannot be retired', 'version')
      const kek = keks.get(version)
      needs(kek !== undefined, 'no such KEK version', 'version')
      hsm('destroy a KEK', () => p11.C_DestroyObject(session, kek))
      keks.delete(version)
    },
    describe: () => ({
      kind: 'pkcs11',
      location: `${options.library} token "${options.tokenLabel}" key "${options.keyLabel}"`,
      kekVersion: current,
      kekVersions: [...keks.keys()].sort((a, b) => a - b),
    }),
    async close(): Promise<void> {
      if (closed) return
      closed = true
      keks.clear()
      try {
        p11.C_CloseSession(session)
      } finally {
        release()
      }
    },
  }
}

/** Every KEK version on the token, each checked to be a sensitive, never-extractable AES-256 key. */
function findKeks(p11: pkcs11js.PKCS11, session: Buffer, keyLabel: string): Map<number, Buffer> {
  const handles = hsm('find KEKs', () => {
    p11.C_FindObjectsInit(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
      { type: pkcs11js.CKA_LABEL, value: keyLabel },
    ])
    try {
      return p11.C_FindObjects(session, 10_000)
    } finally {
      p11.C_FindObjectsFinal(session)
    }
  })
  const keks = new Map<number, Buffer>()
  for (const handle of handles) {
    const version = checkedKekVersion(p11, session, handle)
    if (keks.has(version)) {
      throw hsmKeyUnsafe('two KEKs on the token claim one version')
    }
    keks.set(version, handle)
  }
  return keks
}

function checkedKekVersion(p11: pkcs11js.PKCS11, session: Buffer, handle: Buffer): number {
  const [id, keyType, valueLength, sensitive, alwaysSensitive, extractable, neverExtractable] = hsm(
    'read KEK attributes',
    () =>
      p11
        .C_GetAttributeValue(session, handle, [
          { type: pkcs11js.CKA_ID },
          { type: pkcs11js.CKA_KEY_TYPE },
          { type: pkcs11js.CKA_VALUE_LEN },
          { type: pkcs11js.CKA_SENSITIVE },
          { type: pkcs11js.CKA_ALWAYS_SENSITIVE },
          { type: pkcs11js.CKA_EXTRACTABLE },
          { type: pkcs11js.CKA_NEVER_EXTRACTABLE },
        ])
        .map((attribute) => attribute.value),
  )
  const isTrue = (value: Buffer | undefined) => value?.length === 1 && value[0] === 1
  const isFalse = (value: Buffer | undefined) => value?.length === 1 && value[0] === 0
  if (
    !isTrue(sensitive) ||
    !isTrue(alwaysSensitive) ||
    !isFalse(extractable) ||
    !isTrue(neverExtractable) ||
    ulong(keyType) !== pkcs11js.CKK_AES ||
    ulong(valueLength) !== WRAPPED_KEY_BYTES
  ) {
    throw hsmKeyUnsafe('a KEK on the token is extractable, not sensitive, or not AES-256')
  }
  if (id?.length !== 4 || id.readUInt32BE(0) === 0) {
    throw hsmKeyUnsafe('a KEK on the token has no 4-byte version id')
  }
  return id.readUInt32BE(0)
}

/** A CK_ULONG attribute: 4 or 8 bytes in the host's byte order. */
function ulong(value: Buffer | undefined): number | undefined {
  const le = endianness() === 'LE'
  switch (value?.length) {
    case 4:
      return le ? value.readUInt32LE() : value.readUInt32BE()
    case 8:
      return Number(le ? value.readBigUInt64LE() : value.readBigUInt64BE())
    default:
      return undefined
  }
}

function generateKek(p11: pkcs11js.PKCS11, session: Buffer, keyLabel: string, version: number): Buffer {
  const id = Buffer.alloc(4)
  id.writeUInt32BE(version)
  const handle = hsm('generate a KEK', () =>
    p11.C_GenerateKey(session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
      { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
      { type: pkcs11js.CKA_VALUE_LEN, value: WRAPPED_KEY_BYTES },
      { type: pkcs11js.CKA_LABEL, value: keyLabel },
      { type: pkcs11js.CKA_ID, value: id },
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_PRIVATE, value: true },
      { type: pkcs11js.CKA_SENSITIVE, value: true },
      { type: pkcs11js.CKA_EXTRACTABLE, value: false },
      { type: pkcs11js.CKA_ENCRYPT, value: true },
      { type: pkcs11js.CKA_DECRYPT, value: true },
      { type: pkcs11js.CKA_WRAP, value: false },
      { type: pkcs11js.CKA_UNWRAP, value: false },
      { type: pkcs11js.CKA_SIGN, value: false },
      { type: pkcs11js.CKA_VERIFY, value: false },
      { type: pkcs11js.CKA_DERIVE, value: false },
    ]),
  )
  // Postcondition: the token made the key as asked (a token may ignore a template attribute).
  checkedKekVersion(p11, session, handle)
  return handle
}

function acquireLibrary(path: string): Library {
  const loaded = libraries.get(path)
  if (loaded !== undefined) {
    loaded.users++
    return loaded
  }
  const module = new pkcs11js.PKCS11()
  try {
    module.load(path)
  } catch {
    throw hsmUnavailable('the PKCS#11 library could not be loaded')
  }
  let initialized = true
  try {
    module.C_Initialize()
  } catch (error) {
    if (
      !(error instanceof pkcs11js.Pkcs11Error && error.code === pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED)
    ) {
      module.close()
      throw hsmUnavailable(`C_Initialize failed${returnValueName(error)}`)
    }
    // Someone else in this process initialised the module; they finalise it, not us.
    initialized = false
  }
  const library = { module, users: 1, initialized }
  libraries.set(path, library)
  return library
}

function releaseLibrary(path: string): void {
  const library = libraries.get(path)
  if (library === undefined || --library.users > 0) {
    return
  }
  libraries.delete(path)
  try {
    if (library.initialized) {
      library.module.C_Finalize()
    }
  } finally {
    library.module.close()
  }
}

/** Runs a token call; any failure becomes HSM_UNAVAILABLE naming the step and the CKR_ code only. */
function hsm<T>(step: string, call: () => T): T {
  try {
    return call()
  } catch (error) {
    if (error instanceof VaultError) {
      throw error
    }
    throw hsmUnavailable(`${step} failed${returnValueName(error)}`)
  }
}

/** The CKR_ name of a PKCS#11 error, and nothing else of its message. */
function returnValueName(error: unknown): string {
  const name = error instanceof Error ? /\bCKR_[A-Z_]+\b/.exec(error.message)?.[0] : undefined
  return name === undefined ? '' : ` (${name})`
}

function hsmUnavailable(message: string): VaultError {
  return new VaultError({ code: 'HSM_UNAVAILABLE', message })
}

function hsmKeyUnsafe(message: string): VaultError {
  return new VaultError({ code: 'HSM_KEY_UNSAFE', message })
}
