import type { DependencyList } from 'react'
import { useCallback, useEffect, useState } from 'react'
import { ApiError, networkError } from '../api/api-error.ts'

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | { state: 'done'; data: T }

/** Loads what a screen shows; answers that arrive after the screen moved on are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> & { reload(): void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' })
  const [round, setRound] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` reads
  useEffect(() => {
    let current = true
    setResult({ state: 'loading' })
    load().then(
      (data) => current && setResult({ state: 'done', data }),
      (error: unknown) => current && setResult({ state: 'failed', error: asApiError(error) }),
    )
    return () => {
      current = false
    }
  }, [...deps, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { ...result, reload }
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : networkError()
}
