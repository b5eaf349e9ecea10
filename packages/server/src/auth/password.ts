import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id with OWASP's first recommended parameter set (19 MiB, 2 passes, 1 lane; the Password
 * Storage Cheat Sheet), about 20–40 ms per hash on a laptop: slow enough to make offline guessing
 * expensive, fast enough that sign-in does not queue. The library's default algorithm is argon2id;
 * the PHC string it returns records the parameters, so raising them later keeps old hashes valid.
 */
const PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), PARAMETERS)
}

/**
 * A hash of a random password made once per process. Verifying against it when the login id is
 * unknown (or the user has no password yet) makes that failure take as long as a wrong password,
 * so response times do not tell which login ids exist.
 */
let dummyHash: Promise<string> | undefined

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword(crypto.randomUUID())
    await verify(await dummyHash, password.normalize('NFKC'))
    return false
  }
  return verify(storedHash, password.normalize('NFKC'))
}
