import { readFileSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

/**
 * A fresh PGlite cluster takes seconds to initdb; loading a dump of an empty one takes under one.
 * The empty cluster is cached per PGlite version in the temp directory (it holds no data), written
 * to a temporary name and renamed so that parallel test processes never read half a file.
 */
export async function emptyPGliteTemplate(): Promise<Blob> {
  const path = join(tmpdir(), 'mamori-test-cache', `pglite-${pgliteVersion()}-empty.tar`)
  try {
    return new Blob([await readFile(path)])
  } catch {
    const pglite = new PGlite()
    await pglite.waitReady
    const dump = await pglite.dumpDataDir('none')
    await pglite.close()
    await mkdir(join(tmpdir(), 'mamori-test-cache'), { recursive: true })
    const partial = `${path}.${process.pid}.partial`
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()))
    await rename(partial, path)
    return dump
  }
}

/** The package does not export its package.json; its entry point sits in dist/ beside it. */
function pgliteVersion(): string {
  const manifest = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'))
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}
