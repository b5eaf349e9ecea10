/**
 * A key provider holds the key-encryption key (KEK) and nothing else: it wraps and unwraps the
 * vault's own 256-bit keys, and the KEK never leaves it (a file outside the database, or a PKCS#11
 * token). One implementation per key source, as the AWS Encryption SDK has one keyring per source:
 * local-file.ts and pkcs11.ts. Both write the wrapped-key format of wrapped-key.ts.
 *
 * Versions make rotation online: `wrap` always uses the current KEK version and writes it into the
 * wrapped key; `unwrap` uses whichever version the wrapped key names, so keys wrapped before a
 * rotation still open until they are rewrapped (`rewrapKey`, crypto/data-keys.ts) and the old
 * version is retired.
 */
export type KeyProvider = {
  /** Which key source; bound into every wrapped key's associated data. */
  readonly kind: KeyProviderKind
  /** The KEK version `wrap` uses now. */
  kekVersion(): number
  /**
   * Precondition: `key` is 32 bytes. Postcondition: the result unwraps, under the same context, to
   * `key`, and under no other. `key` is not retained; the caller zeroes it.
   */
  wrap(key: Uint8Array, context: WrapContext): Promise<Uint8Array>
  /**
   * Refuses with KEY_UNWRAP_FAILED unless `wrapped` came from `wrap` of this provider with this
   * context, and with KEK_VERSION_UNKNOWN when it names a KEK version the provider does not hold.
   * The caller zeroes the result.
   */
  unwrap(wrapped: Uint8Array, context: WrapContext): Promise<Buffer>
  /** Creates KEK version `kekVersion() + 1` and makes it current; returns the new version. */
  rotate(): Promise<number>
  /**
   * Destroys an old KEK version once nothing is wrapped under it any more. Refuses the current
   * version (ARGUMENT_INVALID). Keys still wrapped under it become unreadable: that is the point.
   */
  retire(version: number): Promise<void>
  /** For `mamori doctor`: where the KEK lives and which versions it has. Never key bytes or a PIN. */
  describe(): KeyProviderDescription
  /** Releases files or the token session; later calls are refused (ARGUMENT_INVALID). */
  close(): Promise<void>
}

export type KeyProviderKind = 'local' | 'pkcs11'

export type KeyProviderDescription = {
  kind: KeyProviderKind
  /** The key directory, or the PKCS#11 library, token label and key label. */
  location: string
  kekVersion: number
  kekVersions: readonly number[]
}

/**
 * What a wrapped key is for, bound as associated data: a data-key row moved to another tenant,
 * key id or version, or a blind-index key presented as a data key, does not unwrap.
 */
export type WrapContext =
  /** A tenant's data key that seals numbers (crypto/data-keys.ts). */
  | { purpose: 'data-key'; tenantId: string; keyId: string; version: number }
  /** The root key of the blind index (crypto/blind-index.ts). */
  | { purpose: 'blind-index-key'; version: number }
  /** The private half of a vault HPKE key pair (crypto/hpke.ts). */
  | { purpose: 'hpke-private-key'; keyId: string }
