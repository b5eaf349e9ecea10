/**
 * A witness keeps copies of the log's checkpoints outside its database, so that rewriting or
 * restoring the database alone is detected: verifyLog demands that every witnessed checkpoint is
 * a checkpoint of the database's log. The default is an append-only file under the host's data
 * directory; a second database or an object store with a retention lock implements the same type.
 */
import { mkdir, open, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { AuditError } from './errors.ts'

export type Witness = {
  /** Returns once the checkpoint is durable in the witness. */
  append(checkpoint: string): Promise<void>
  /** Every checkpoint witnessed, oldest first. Attacker-controlled: verifyLog checks each. */
  checkpoints(): Promise<string[]>
}

/** `<directory>/<logName>.log` (see witnessFile). */
export function fileWitness(directory: string, logName: string): Witness {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(logName)) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: 'witness log name must be a lowercase file name',
      messageJa: 'ウィットネスのログ名が不正です（英小文字・数字・._- のみ）。',
      field: 'logName',
    })
  }
  return witnessFile(join(directory, `${logName}.log`))
}

/**
 * An append-only file, one JSON string (a signed note) per line. O_APPEND makes every write land
 * at the end whatever another writer did; fsync before returning makes it durable. A last line
 * without its newline is a write cut short by a crash, and is ignored: its checkpoint is also in
 * the database, and the next one supersedes it.
 */
export function witnessFile(path: string): Witness {
  return {
    async append(checkpoint) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 })
      const file = await open(path, 'a', 0o600)
      try {
        await file.writeFile(`${JSON.stringify(checkpoint)}\n`)
        await file.sync()
      } finally {
        await file.close()
      }
    },
    async checkpoints() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      const lines = text.split('\n')
      lines.pop()
      return lines.map((line, i) => {
        let value: unknown
        try {
          value = JSON.parse(line)
        } catch {
          value = undefined
        }
        if (typeof value !== 'string') {
          throw new AuditError({
            code: 'WITNESS_MALFORMED',
            message: `witness line ${i + 1} is not a JSON string`,
            messageJa: `ウィットネスファイルの ${i + 1} 行目が不正です。ファイルが改ざんまたは破損しています。`,
            field: 'witness',
          })
        }
        return value
      })
    },
  }
}
