import type { BlindIndex, DataKey, HpkeRecipientKey, NumberBinding, SealedNumber } from '../crypto/index.ts'
import { openSealedNumberWith, sealNumber } from '../crypto/index.ts'

/**
 * The CPU work of a register or a match that needs no database: open the number a device sealed,
 * index it, and (register) seal it at rest under its data key. Run by the crypto workers
 * (crypto-pool.ts) or inline; only its results leave, never the number itself.
 */
export type DeviceJob = {
  sealed: SealedNumber
  binding: NumberBinding
  /** Register: also seal the number under this data key for `field` (envelope.ts). */
  seal?: { dataKey: DataKey; field: string }
}

export type DeviceJobResult = {
  /** 32 bytes: blind-index.ts. */
  blindIndex: Uint8Array
  /** The envelope, when the job asked for one. */
  envelope?: Uint8Array
}

/** What a crypto worker holds: the vault's HPKE private keys by key id and the blind index. */
export type DeviceKeys = { recipients: ReadonlyMap<string, HpkeRecipientKey>; blindIndex: BlindIndex }

/** The refusals of openSealedNumber (HPKE_*, MY_NUMBER_*) are thrown as they are. */
export function runDeviceJob(keys: DeviceKeys, job: DeviceJob): DeviceJobResult {
  const { tenantId, subjectId } = job.binding
  const number = openSealedNumberWith(keys.recipients, job.sealed, job.binding)
  const blindIndex = keys.blindIndex.compute(tenantId, number)
  if (job.seal === undefined) return { blindIndex }
  const { dataKey, field } = job.seal
  return { blindIndex, envelope: sealNumber(dataKey, { tenantId, subjectId, field }, number) }
}
