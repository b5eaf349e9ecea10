import {
  Base,
  Cluster,
  DefinitionList,
  DefinitionListItem,
  Heading,
  PageHeading,
  Section,
  Stack,
  StatusLabel,
  Text,
} from 'smarthr-ui'
import type { Client } from '../../api/clients.ts'
import { getClient } from '../../api/clients.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { dateLabel } from '../../format/dates.ts'
import { Link } from '../../router/router.tsx'
import { pathOf } from '../../router/routes.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { EmployeeList } from '../employees/employee-list.tsx'
import { clientAddress, healthInsurerLabel } from './client-labels.ts'

const dash = (value: string | null) => value ?? '未登録'

function latestRatesLabel(client: Client): string {
  const latest = client.insurerRates.reduce<Client['insurerRates'][number] | null>(
    (best, rates) => (best === null || rates.validFrom > best.validFrom ? rates : best),
    null,
  )
  if (latest === null) return '未登録'
  return `健康保険 ${latest.healthRatePercent}%・介護保険 ${latest.careRatePercent}%（${dateLabel(latest.validFrom)}から）`
}

/** One client: its registration numbers and insurers, then its employees. */
export function ClientDetailPage({ clientId }: { clientId: string }) {
  const client = useLoad(() => getClient(clientId), [clientId])
  const { role } = useCurrentSession()
  return (
    <>
      <Text as="p">
        <Link to="/clients">顧問先の一覧へ戻る</Link>
      </Text>
      <LoadedView loaded={client} what="顧問先">
        {(c) => (
          <>
            <PageHeading>{c.name}</PageHeading>
            {c.archived ? (
              <Cluster>
                <StatusLabel type="grey">契約終了</StatusLabel>
              </Cluster>
            ) : null}
            <Base padding={1.5}>
              <Section>
                <Stack>
                  <Heading>事業所の情報</Heading>
                  <DefinitionList maxColumns={2}>
                    <DefinitionListItem term="フリガナ">{dash(c.nameKana)}</DefinitionListItem>
                    <DefinitionListItem term="所在地">{clientAddress(c)}</DefinitionListItem>
                    <DefinitionListItem term="電話番号">{dash(c.phone)}</DefinitionListItem>
                    <DefinitionListItem term="法人番号">{dash(c.corporateNumber)}</DefinitionListItem>
                    <DefinitionListItem term="事業所整理記号">
                      {c.officeSymbol === null
                        ? '未登録'
                        : `${c.officeSymbol.districtCode}-${c.officeSymbol.officeMark}`}
                    </DefinitionListItem>
                    <DefinitionListItem term="事業所番号">{dash(c.pensionOfficeNumber)}</DefinitionListItem>
                    <DefinitionListItem term="雇用保険適用事業所番号">
                      {dash(c.employmentInsuranceOfficeNumber)}
                    </DefinitionListItem>
                    <DefinitionListItem term="労働保険番号">
                      {dash(c.labourInsuranceNumber)}
                    </DefinitionListItem>
                    <DefinitionListItem term="健康保険">
                      {healthInsurerLabel(c.healthInsurer)}
                    </DefinitionListItem>
                    <DefinitionListItem term="保険料率（最新）">{latestRatesLabel(c)}</DefinitionListItem>
                  </DefinitionList>
                </Stack>
              </Section>
            </Base>
            <Section>
              <Stack>
                <Heading>従業員</Heading>
                {role === 'office_admin' || role === 'office_staff' ? (
                  <Text as="p">
                    <Link to={pathOf({ name: 'import', clientId: c.id })}>
                      ファイル（CSV）から従業員を取り込む
                    </Link>
                  </Text>
                ) : null}
                <EmployeeList clientId={c.id} />
              </Stack>
            </Section>
          </>
        )}
      </LoadedView>
    </>
  )
}
