import type { FormEvent } from 'react'
import { useEffect, useState } from 'react'
import {
  Button,
  Cluster,
  FormControl,
  Input,
  Pagination,
  Select,
  Stack,
  StatusLabel,
  Table,
  Td,
  Text,
  Th,
} from 'smarthr-ui'
import type { EmployeeFilter, EmploymentStatus, EmploymentType } from '../../api/employees.ts'
import { listEmployees } from '../../api/employees.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { dateLabel } from '../../format/dates.ts'
import { EMPLOYMENT_STATUS_LABEL, EMPLOYMENT_TYPE_LABEL } from '../../format/labels.ts'
import { Link } from '../../router/router.tsx'
import { pathOf } from '../../router/routes.ts'
import { cursorOf, FIRST_PAGE, goToPage, pageCount, pageLoaded } from './cursor-pages.ts'
import { rememberedPlace, rememberPlace } from './list-memory.ts'

const EMPTY_FILTER: EmployeeFilter = { q: '', employmentType: '', status: 'active' }

const typeOptions = Object.entries(EMPLOYMENT_TYPE_LABEL).map(([value, label]) => ({ value, label }))
const statusOptions = Object.entries(EMPLOYMENT_STATUS_LABEL).map(([value, label]) => ({ value, label }))

/**
 * A client's employees: search, filters and pages of 50 over the server's keyset paging. A search
 * runs when the user sends the form, not per keystroke: every list read is an audit entry.
 */
export function EmployeeList({ clientId }: { clientId: string }) {
  const [draft, setDraft] = useState<EmployeeFilter>(() => rememberedPlace(clientId)?.draft ?? EMPTY_FILTER)
  const [filter, setFilter] = useState<EmployeeFilter>(
    () => rememberedPlace(clientId)?.filter ?? EMPTY_FILTER,
  )
  const [pages, setPages] = useState(() => rememberedPlace(clientId)?.pages ?? FIRST_PAGE)
  useEffect(() => rememberPlace(clientId, { draft, filter, pages }), [clientId, draft, filter, pages])
  const cursor = cursorOf(pages)
  const employees = useLoad(async () => {
    const page = await listEmployees(clientId, filter, cursor)
    setPages((p) => pageLoaded(p, page.nextCursor))
    return page
  }, [clientId, filter, cursor])

  const handleSearch = (event: FormEvent) => {
    event.preventDefault()
    setFilter({ ...draft, q: draft.q.trim() })
    setPages(FIRST_PAGE)
  }

  return (
    <Stack>
      <search aria-label="従業員の検索">
        <form onSubmit={handleSearch}>
          <Cluster align="flex-end">
            <FormControl label="氏名・フリガナ" helpMessage="姓名の一部（ひらがな可）">
              <Input
                name="q"
                value={draft.q}
                maxLength={50}
                onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
              />
            </FormControl>
            <FormControl label="雇用形態">
              <Select
                name="employmentType"
                hasBlank
                decorators={{ blankLabel: () => 'すべて' }}
                options={typeOptions}
                value={draft.employmentType}
                onChangeValue={(value) =>
                  setDraft({ ...draft, employmentType: value as EmploymentType | '' })
                }
              />
            </FormControl>
            <FormControl label="在籍状況">
              <Select
                name="status"
                options={statusOptions}
                value={draft.status}
                onChangeValue={(value) => setDraft({ ...draft, status: value as EmploymentStatus })}
              />
            </FormControl>
            <Button type="submit" variant="primary">
              検索
            </Button>
          </Cluster>
        </form>
      </search>
      <LoadedView loaded={employees} what="従業員">
        {(page) =>
          page.items.length === 0 ? (
            <Text as="p">
              {filter.q === '' && filter.employmentType === ''
                ? '該当する従業員はいません。在籍状況を「すべて」にすると退職した方も表示します。'
                : '条件に合う従業員はいません。検索語や条件を変えてもう一度検索してください。'}
            </Text>
          ) : (
            <Stack gap={0.75}>
              <Table>
                <thead>
                  <tr>
                    <Th>社員番号</Th>
                    <Th>氏名</Th>
                    <Th>雇用形態</Th>
                    <Th>入社日</Th>
                    <Th>在籍状況</Th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id}>
                      <Td>{e.employeeNumber ?? '—'}</Td>
                      <Td>
                        <Stack gap={0}>
                          <Link to={pathOf({ name: 'employee', clientId, employeeId: e.id })}>
                            {e.familyName} {e.givenName}
                          </Link>
                          <Text size="S" color="TEXT_GREY">
                            {e.familyNameKana} {e.givenNameKana}
                          </Text>
                        </Stack>
                      </Td>
                      <Td>{EMPLOYMENT_TYPE_LABEL[e.employmentType]}</Td>
                      <Td>{dateLabel(e.hireDate)}</Td>
                      <Td>
                        {e.leaveDate === null ? (
                          <StatusLabel type="green">在籍中</StatusLabel>
                        ) : (
                          <Stack gap={0}>
                            <StatusLabel type="grey">退職済み</StatusLabel>
                            <Text size="S">{dateLabel(e.leaveDate)}退職</Text>
                          </Stack>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Pagination
                total={pageCount(pages)}
                current={pages.current}
                onClick={(page) => setPages((p) => goToPage(p, page))}
              />
            </Stack>
          )
        }
      </LoadedView>
    </Stack>
  )
}
