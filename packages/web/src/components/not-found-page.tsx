import { PageHeading, Stack, Text } from 'smarthr-ui'
import { Link } from '../router/router.tsx'

export function NotFoundPage() {
  return (
    <Stack>
      <PageHeading>ページが見つかりません</PageHeading>
      <Text as="p">URL が正しいか確認してください。</Text>
      <Text as="p">
        <Link to="/clients">顧問先の一覧へ戻る</Link>
      </Text>
    </Stack>
  )
}
