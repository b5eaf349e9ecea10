/**
 * Checkpoints: a signed tree head of the log, as a C2SP tlog-checkpoint.
 * https://c2sp.org/tlog-checkpoint — the note text (signed-note.ts) is exactly:
 *
 *   <origin>                      the log's identity, also the signing key's name
 *   <tree size>                   decimal, no leading zeros
 *   <root hash>                   base64 of the RFC 9162 §2.1.1 root at that size
 *   time <unix seconds>           when the log signed it (our one extension line)
 *
 * Runs in the browser. Parsing is attacker-controlled: a checkpoint reaches a verifier from
 * storage, a witness file or the network, so anything but this exact form is refused.
 */
import { decodeBase64, encodeBase64 } from './bytes.ts'
import { AuditError } from './errors.ts'
import { isValidKeyName, openNote, type VerifierKey } from './signed-note.ts'

export type Checkpoint = {
  origin: string
  treeSize: number
  rootHash: Uint8Array
  /** Seconds since the Unix epoch, UTC. */
  time: number
}

const DECIMAL = /^(?:0|[1-9][0-9]{0,15})$/
const TIME_PREFIX = 'time '

export function formatCheckpointBody(checkpoint: Checkpoint): string {
  const { origin, treeSize, rootHash, time } = checkpoint
  if (
    !isValidKeyName(origin) ||
    !isCount(treeSize) ||
    !isCount(time) ||
    !(rootHash instanceof Uint8Array && rootHash.length === 32)
  ) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: 'checkpoint fields are out of range',
      messageJa: 'チェックポイントの内容が不正です。開発者に連絡してください。',
      field: 'checkpoint',
    })
  }
  return `${origin}\n${treeSize}\n${encodeBase64(rootHash)}\n${TIME_PREFIX}${time}\n`
}

/** Parses verified note text; attacker-controlled until openNote has checked the signature. */
export function parseCheckpointBody(text: string): Checkpoint {
  const lines = text.split('\n')
  // Four lines, each ended by a newline: the last split element is the empty remainder.
  if (lines.length !== 5 || lines[4] !== '') throw malformed('checkpoint must have exactly four lines')
  const [origin, size, root, timeLine] = lines as [string, string, string, string]
  const rootHash = decodeBase64(root)
  const time = timeLine.startsWith(TIME_PREFIX) ? timeLine.slice(TIME_PREFIX.length) : ''
  if (!isValidKeyName(origin)) throw malformed('checkpoint origin is malformed')
  if (!DECIMAL.test(size) || !isCount(Number(size))) throw malformed('checkpoint tree size is malformed')
  if (rootHash === undefined || rootHash.length !== 32) throw malformed('checkpoint root hash is malformed')
  if (!DECIMAL.test(time) || !isCount(Number(time))) throw malformed('checkpoint time is malformed')
  return { origin, treeSize: Number(size), rootHash, time: Number(time) }
}

/**
 * Verifies the signature by `key`, then parses. The origin must be the key's name: the vault's
 * and the server's logs have different origins, so one log's checkpoint cannot stand for another.
 */
export async function verifyCheckpoint(note: string, key: VerifierKey): Promise<Checkpoint> {
  const checkpoint = parseCheckpointBody(await openNote(note, key))
  if (checkpoint.origin !== key.name) {
    throw new AuditError({
      code: 'CHECKPOINT_ORIGIN_MISMATCH',
      message: 'checkpoint origin is not the trusted log',
      messageJa: 'チェックポイントが別のログのものです。',
      field: 'checkpoint',
    })
  }
  return checkpoint
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0
}

function malformed(message: string): AuditError {
  return new AuditError({
    code: 'CHECKPOINT_MALFORMED',
    message,
    messageJa: 'チェックポイントの形式が不正です。',
    field: 'checkpoint',
  })
}
