import { mkdir, open, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { ServerError } from './errors.ts'

export type DataDirLock = { path: string; release(): Promise<void> }

export type LockHolder = { pid: number } | null

/**
 * One process at a time per data directory: PGlite has no postmaster to stop a second process
 * from opening the same cluster, and two writers would corrupt it. A lock left by a process that
 * died is taken over.
 */
export async function lockDataDir(root: string): Promise<DataDirLock> {
  await mkdir(root, { recursive: true, mode: 0o700 })
  const path = lockPath(root)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600)
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      return { path, release: () => unlink(path).catch(() => {}) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = await dataDirLockHolder(root)
      if (holder !== null) throw inUse(root, holder.pid)
      await unlink(path).catch(() => {})
    }
  }
  throw inUse(root, null)
}

/** The live process holding the lock, or null when there is none (or it died). */
export async function dataDirLockHolder(root: string): Promise<LockHolder> {
  let text: string
  try {
    text = await readFile(lockPath(root), 'utf8')
  } catch {
    return null
  }
  const pid = Number(text.trim())
  if (!Number.isInteger(pid) || pid <= 0) return null
  try {
    process.kill(pid, 0)
    return { pid }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? { pid } : null
  }
}

function lockPath(root: string): string {
  return join(root, 'mamori.pid')
}

function inUse(root: string, pid: number | null): ServerError {
  return new ServerError({
    code: 'DATA_DIR_IN_USE',
    message: `data directory ${root} is in use by process ${pid ?? 'unknown'}`,
    messageJa: `データディレクトリ ${root} は別のプロセス${pid === null ? '' : ` (PID ${pid})`} が使用中です。起動中の Mamori を停止してから実行してください。`,
    field: 'MAMORI_DATA_DIR',
  })
}
