/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2: checking inclusion and consistency proofs. Runs in the browser.
 *
 * Hashing is WebCrypto `crypto.subtle.digest`, present in Node 24 and in every browser we support
 * (secure contexts). A pluggable hasher would let the server pass node:crypto, but a proof costs
 * at most ~2·log2(size) hashes, so the async calls do not matter, and one fixed implementation
 * leaves nothing for a caller to get wrong. The server's hot path (rehashing every entry) lives
 * in merkle.ts instead; the tests hold both to the same vectors.
 *
 * Every argument here arrives from outside (a proof bundle, an API response, a file): all of it
 * is attacker-controlled until the computed root matches a root under a trusted signature.
 */
import { concatBytes, equalBytes } from './bytes.ts'
import { AuditError } from './errors.ts'

const HASH_BYTES = 32

/**
 * Bounds the hashing an attacker can make us do before the RFC loop rejects. A tree of at most
 * 2^53 leaves has inclusion paths of at most 53 hashes and consistency proofs of at most ~2·53.
 */
const MAX_PROOF_HASHES = 128

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data))
}

/** RFC 9162 §2.1.1: MTH({}) = HASH(). */
export function emptyRoot(): Promise<Uint8Array> {
  return sha256(new Uint8Array(0))
}

/** RFC 9162 §2.1.1: HASH(0x00 || entry). */
export function leafHashOf(entry: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(Uint8Array.of(0x00), entry))
}

function nodeHashOf(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(Uint8Array.of(0x01), left, right))
}

/**
 * RFC 9162 §2.1.3.2: the root that `proof` leads to from `leafHash` at `index` in a tree of
 * `size` leaves. Throws INCLUSION_PROOF_INVALID when the proof has the wrong length for
 * (index, size); the caller still has to compare the result with a trusted root.
 * https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.2
 */
export async function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<Uint8Array> {
  requireCount(index, 'index')
  requireCount(size, 'treeSize')
  requireHash(leafHash, 'leafHash')
  requireProof(proof)
  // Step 1.
  if (index >= size) throw inclusionInvalid('index')
  // Step 2. Halving by division, not `>>`: sizes go past 2^32.
  let fn = index
  let sn = size - 1
  let r = leafHash
  for (const p of proof) {
    // Step 4a: a longer path than the tree is tall.
    if (sn === 0) throw inclusionInvalid('proof')
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHashOf(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2
        sn = Math.floor(sn / 2)
      }
    } else {
      r = await nodeHashOf(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  // Step 5, first half: a shorter path than the tree is tall.
  if (sn !== 0) throw inclusionInvalid('proof')
  return r
}

/** RFC 9162 §2.1.3.2 step 5: the proof leads to `root`, or INCLUSION_PROOF_INVALID. */
export async function verifyInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<void> {
  requireHash(root, 'root')
  const computed = await rootFromInclusionProof(index, size, leafHash, proof)
  if (!equalBytes(computed, root)) throw inclusionInvalid('proof')
}

/**
 * RFC 9162 §2.1.4.2: `proof` shows that the tree of `oldSize` with `oldRoot` is a prefix of the
 * tree of `newSize` with `newRoot`, or CONSISTENCY_PROOF_INVALID. The RFC covers
 * 0 < oldSize < newSize; the edges follow transparency-dev/merkle: equal sizes need equal roots
 * and no proof; an empty old tree needs no proof, and here also the empty root.
 * https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4.2
 */
export async function verifyConsistencyProof(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<void> {
  requireCount(oldSize, 'oldSize')
  requireCount(newSize, 'newSize')
  requireHash(oldRoot, 'oldRoot')
  requireHash(newRoot, 'newRoot')
  requireProof(proof)
  if (oldSize > newSize) throw consistencyInvalid('oldSize')
  if (oldSize === newSize) {
    if (proof.length !== 0 || !equalBytes(oldRoot, newRoot)) throw consistencyInvalid('proof')
    return
  }
  if (oldSize === 0) {
    if (proof.length !== 0 || !equalBytes(oldRoot, await emptyRoot())) throw consistencyInvalid('proof')
    return
  }
  // Step 1.
  if (proof.length === 0) throw consistencyInvalid('proof')
  // Step 2: when the old tree is a perfect subtree, its root is the proof's implicit first node.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof
  // Step 3.
  let fn = oldSize - 1
  let sn = newSize - 1
  // Step 4.
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2
    sn = Math.floor(sn / 2)
  }
  // Step 5.
  let fr = path[0]!
  let sr = path[0]!
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) throw consistencyInvalid('proof')
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHashOf(c, fr)
      sr = await nodeHashOf(c, sr)
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2
        sn = Math.floor(sn / 2)
      }
    } else {
      sr = await nodeHashOf(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  // Step 7.
  if (!(sn === 0 && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot))) throw consistencyInvalid('proof')
}

function isPowerOfTwo(n: number): boolean {
  let s = n
  while (s > 1 && s % 2 === 0) s /= 2
  return s === 1
}

function requireCount(value: number, field: string): void {
  if (!(Number.isSafeInteger(value) && value >= 0)) {
    throw new AuditError({
      code: 'PROOF_MALFORMED',
      message: 'index or tree size is not a non-negative safe integer',
      messageJa: '証明の番号またはツリーサイズが不正です。',
      field,
    })
  }
}

function requireHash(value: Uint8Array, field: string): void {
  if (!(value instanceof Uint8Array && value.length === HASH_BYTES)) {
    throw new AuditError({
      code: 'PROOF_MALFORMED',
      message: 'hash is not 32 bytes',
      messageJa: 'ハッシュ値の長さが不正です（32バイトである必要があります）。',
      field,
    })
  }
}

function requireProof(proof: readonly Uint8Array[]): void {
  if (!Array.isArray(proof) || proof.length > MAX_PROOF_HASHES) {
    throw new AuditError({
      code: 'PROOF_MALFORMED',
      message: 'proof is not a list of at most 128 hashes',
      messageJa: '証明の形式が不正です。',
      field: 'proof',
    })
  }
  for (const p of proof) requireHash(p, 'proof')
}

function inclusionInvalid(field: string): AuditError {
  return new AuditError({
    code: 'INCLUSION_PROOF_INVALID',
    message: 'inclusion proof does not lead to the root',
    messageJa: 'このエントリがログに含まれていることを証明できません。記録が改ざんされた可能性があります。',
    field,
  })
}

function consistencyInvalid(field: string): AuditError {
  return new AuditError({
    code: 'CONSISTENCY_PROOF_INVALID',
    message: 'consistency proof does not link the two tree heads',
    messageJa:
      '新旧のチェックポイントが同じログの続きであることを証明できません。ログが書き換えられた可能性があります。',
    field,
  })
}
