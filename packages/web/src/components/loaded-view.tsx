import type { ReactNode } from 'react'
import { Button, Center, Loader, Stack } from 'smarthr-ui'
import { ErrorNotice } from './error-notice.tsx'
import type { Loaded } from './use-load.ts'

/** A loader while loading, the error and a retry button on failure, else the screen. */
export function LoadedView<T>({
  loaded,
  what,
  children,
}: {
  loaded: Loaded<T> & { reload(): void }
  /** What is being loaded, for the loader's text: 顧問先 → 「顧問先を読み込んでいます」. */
  what: string
  children: (data: T) => ReactNode
}) {
  if (loaded.state === 'loading') {
    return (
      <Center padding={2}>
        <Loader text={`${what}を読み込んでいます…`} />
      </Center>
    )
  }
  if (loaded.state === 'failed') {
    return (
      <Stack>
        <ErrorNotice error={loaded.error} />
        <div>
          <Button onClick={loaded.reload}>もう一度読み込む</Button>
        </div>
      </Stack>
    )
  }
  return <>{children(loaded.data)}</>
}
