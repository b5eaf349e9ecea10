import { randomBytes } from 'node:crypto'
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ServerError } from '../errors.ts'

export type LocalSecret = { name: string; path: string; created: boolean; secret: Buffer }

/**
 * A secret generated on first start and kept in a file only its owner can read, never in the
 * repository or the database. Created with O_EXCL so two processes starting at once cannot
 * each write one; an existing file readable by others is refused, not silently used.
 */
export async function ensureLocalSecret(keysDir: string, name: string, bytes = 32): Promise<LocalSecret> {
  await mkdir(keysDir, { recursive: true, mode: 0o700 })
  await chmod(keysDir, 0o700)
  const path = join(keysDir, `${name}.key`)
  const created = await createIfMissing(path, bytes)
  const info = await stat(path)
  if ((info.mode & 0o077) !== 0) {
    throw new ServerError({
      code: 'KEY_FILE_UNSAFE',
      message: `key file ${path} is readable by group or others`,
      messageJa: `鍵ファイル ${path} が所有者以外からも読める状態です。chmod 600 で権限を直してから起動してください。`,
      field: name,
    })
  }
  const secret = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64')
  return { name, path, created, secret }
}

async function createIfMissing(path: string, bytes: number): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(`${randomBytes(bytes).toString('base64')}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return true
}
