/**
 * What verifyLog reports: the first thing wrong with a stored log, by code, with where it is.
 * docs/audit.md lists which tampering yields which code; tamper.test.ts holds the two in step.
 * Positions are 0-based, as `mamori audit proof --entry` takes them.
 */
import type { AuditErrorCode } from './errors.ts'

export type LogProblem = {
  code: AuditErrorCode
  message: string
  messageJa: string
  /** The entry at fault, when one entry can be named. */
  position?: number
  /** The checkpoint at fault (its tree size), when one can be named. */
  checkpointSize?: number
  /** For a root mismatch: the altered entry lies in [from, to]. */
  range?: { from: number; to: number }
  source?: 'database' | 'witness'
  /** For a per-client summary that differs from the entries: the JST dates of its bucket. */
  days?: { from: string; to: string }
}

type Where = Omit<LogProblem, 'code' | 'message' | 'messageJa'>

const TEXTS: Partial<Record<AuditErrorCode, (w: Where) => [string, string]>> = {
  ENTRY_MISSING: (w) => [
    `entry ${w.position} is missing`,
    `エントリ ${w.position} がありません。ログから削除されています。`,
  ],
  ENTRY_HASH_MISMATCH: (w) => [
    `entry ${w.position} does not match its leaf hash`,
    `エントリ ${w.position} の内容がハッシュと一致しません。エントリまたはそのハッシュが書き換えられています。`,
  ],
  ENTRY_POSITION_MISMATCH: (w) => [
    `entry ${w.position} belongs at another position`,
    `エントリ ${w.position} は別の位置のエントリです。エントリの順序が入れ替えられています。`,
  ],
  CHECKPOINT_ROOT_MISMATCH: (w) => [
    `the log does not have the root signed at size ${w.checkpointSize}; an entry in ${w.range?.from}..${w.range?.to} was altered`,
    `サイズ ${w.checkpointSize} のチェックポイントの署名済みルートとログが一致しません。エントリ ${w.range?.from}〜${w.range?.to} のいずれかが書き換えられています。`,
  ],
  CHECKPOINT_ROW_MISMATCH: (w) => [
    `checkpoint row ${w.checkpointSize} differs from its signed note`,
    `チェックポイント ${w.checkpointSize} の列が署名済みの内容と一致しません。`,
  ],
  LOG_TRUNCATED: (w) => [
    `a checkpoint signs ${w.checkpointSize} entries but the log ends at ${w.position}`,
    `署名済みチェックポイントは ${w.checkpointSize} 件を含みますが、ログは ${w.position} 件しかありません。末尾が削除されています。`,
  ],
  LOG_ROLLED_BACK: (w) => [
    `the witness holds a checkpoint of ${w.checkpointSize} entries but the log ends at ${w.position}`,
    `ウィットネスには ${w.checkpointSize} 件を署名したチェックポイントがありますが、データベースのログは ${w.position} 件です。データベースが古い状態に戻されています。`,
  ],
  WITNESS_ROOT_MISMATCH: (w) => [
    `the witnessed checkpoint at size ${w.checkpointSize} is not a checkpoint of this log; an entry in ${w.range?.from}..${w.range?.to} was altered`,
    `ウィットネスのサイズ ${w.checkpointSize} のチェックポイントとデータベースのログが一致しません。エントリ ${w.range?.from}〜${w.range?.to} のいずれかが書き換えられています。`,
  ],
  CHECKPOINT_MISSING: (w) => [
    `the witness holds a checkpoint at size ${w.checkpointSize} that the database does not`,
    `ウィットネスにあるサイズ ${w.checkpointSize} のチェックポイントがデータベースから削除されています。`,
  ],
  TREE_NODE_MISMATCH: (w) => [
    `the stored subtree hash over entries ${w.range?.from}..${w.range?.to} differs from the entries`,
    `エントリ ${w.range?.from}〜${w.range?.to} の部分木の記録済みハッシュが内容と一致しません。証明用のハッシュが書き換えられています。`,
  ],
  CLIENT_SUMMARY_MISMATCH: (w) => [
    `the per-client summary of ${daysText(w, '..')} (JST) differs from the entries`,
    `${daysText(w, '〜')} のクライアント別集計がエントリと一致しません。集計表が書き換えられています。`,
  ],
  TREE_STATE_MISMATCH: (w) => [
    `the sequencer's state does not match the ${w.position} entries of the log`,
    `監査ログの木の状態が ${w.position} 件のエントリと一致しません。ログの末尾が削除または書き換えられています。`,
  ],
}

function daysText(w: Where, dash: string): string {
  return w.days?.from === w.days?.to ? `${w.days?.from}` : `${w.days?.from}${dash}${w.days?.to}`
}

export function logProblem(code: AuditErrorCode, where: Where): LogProblem {
  const text = TEXTS[code]
  if (text === undefined) throw new Error(`no text for log problem ${code}`)
  const [message, messageJa] = text(where)
  return { code, message, messageJa, ...where }
}
