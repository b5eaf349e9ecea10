import type { EmployeeFilter } from '../../api/employees.ts'
import type { CursorPages } from './cursor-pages.ts'

/**
 * Where the user was in a client's employee list (search, filters, page), kept in memory for the
 * page's lifetime so that coming back from an employee returns to the same place. Not in the URL
 * or storage: a search word is a name.
 */
export type ListPlace = { draft: EmployeeFilter; filter: EmployeeFilter; pages: CursorPages }

const places = new Map<string, ListPlace>()

export function rememberedPlace(clientId: string): ListPlace | undefined {
  return places.get(clientId)
}

export function rememberPlace(clientId: string, place: ListPlace): void {
  places.set(clientId, place)
}

/** At sign-out: the next user of this tab does not land on the last one's search. */
export function forgetPlaces(): void {
  places.clear()
}
