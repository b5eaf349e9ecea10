import type { ReactNode } from 'react'
import { Base, Center, Heading, Section, Stack, Text } from 'smarthr-ui'

/** The frame of the screens before sign-in: the product name and one card. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center minHeight="100vh" padding={1.5}>
      <Stack gap={1.5} style={{ width: 'min(100%, 32rem)' }}>
        <Text as="p" weight="bold" size="XL">
          Mamori（まもり）
        </Text>
        <Base padding={1.5}>
          <Section>
            <Stack>
              <Heading>{title}</Heading>
              {children}
            </Stack>
          </Section>
        </Base>
      </Stack>
    </Center>
  )
}
