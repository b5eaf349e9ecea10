import { addYearsToDate, civilDateOf, dayNumberOf } from '../calendar/day-number.ts'
import { type CivilDate, formatIsoDate, parseIsoDate } from '../calendar/iso-date.ts'
import { computeCorporateNumberCheckDigit } from '../corporate-number/check-digit.ts'
import { RulesError } from '../errors.ts'
import type { OfficeSymbol } from '../identifiers/office-symbol.ts'
import { computeMyNumberCheckDigit } from '../mynumber/check-digit.ts'
import { annualIncome, employmentTerms } from './amounts.ts'
import { COMPANY_FORMS, COMPANY_TRADES, COMPANY_WORDS } from './company-names.ts'
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, type NameWithKana } from './person-names.ts'
import { CITY_NAMES, PREFECTURES, TOWN_NAMES } from './place-names.ts'
import { createPrng } from './prng.ts'
import type {
  EmploymentType,
  PostalAddress,
  Relationship,
  Sex,
  SyntheticClient,
  SyntheticDependent,
  SyntheticEmployee,
  SyntheticOffice,
} from './types.ts'
import { createUniqueDigits } from './unique-digits.ts'

export type SyntheticGeneratorOptions = {
  /**
   * The "today" of the data set: ages, hire dates and children are relative to it. rules has no
   * clock, so it is fixed; the default keeps output stable over time.
   */
  referenceDate?: string
}

export type EmployeeOptions = {
  /** Where the employee most likely lives: pass the client. */
  prefectureCode?: number
  employmentType?: EmploymentType
}

export type SyntheticGenerator = {
  office(): SyntheticOffice
  client(): SyntheticClient
  employee(options?: EmployeeOptions): SyntheticEmployee
  /** A dependent that fits the employee's age; a child needs an employee of 20 or more. */
  dependent(employee: SyntheticEmployee, relationship?: Relationship): SyntheticDependent
  /** 0–3 dependents for the employee, at most one of them a spouse. */
  dependents(employee: SyntheticEmployee): SyntheticDependent[]
  /** A 個人番号 with a valid check digit, never repeated by this generator. */
  myNumber(): string
}

export const DEFAULT_REFERENCE_DATE = '2026-04-01'

const FULL_WIDTH_SPACE = '\u3000'
const EMPLOYMENT_TYPES: readonly EmploymentType[] = [
  'regular',
  'regular',
  'regular',
  'contract',
  'part-time',
  'part-time',
]
const RELATIONSHIPS: readonly Relationship[] = ['spouse', 'spouse', 'child', 'child', 'child', 'parent']
const RELATIONSHIPS_WITHOUT_CHILD: readonly Relationship[] = ['spouse', 'parent']
// Share of employees with 0, 1, 2 and 3 dependents, roughly.
const DEPENDENT_COUNTS: readonly number[] = [0, 0, 0, 0, 0, 1, 1, 2, 2, 3]
// ｱ … ﾝ: 事業所記号 are half-width in the 日本年金機構 CSV (e-filing-formats.md).
const OFFICE_MARK_KANA = Array.from({ length: 0xff9d - 0xff71 + 1 }, (_, i) =>
  String.fromCharCode(0xff71 + i),
)

/**
 * Same seed and options → the same sequence of records, call by call. Numbers that identify
 * someone (個人番号, 法人番号, 基礎年金番号, 雇用保険被保険者番号, 社労士コード, 事業所整理記号)
 * are unique within one generator. 個人番号 and 法人番号 are random bases with valid check
 * digits: like any such number they may happen to equal an issued one, but they are never paired
 * with a real person or company.
 */
export function createSyntheticGenerator(
  seed: number | string,
  options: SyntheticGeneratorOptions = {},
): SyntheticGenerator {
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE
  // Dates are handled as day numbers here (day-number.ts): parsing strings is the slow part.
  const now = parseIsoDate(referenceDate, 'referenceDate')
  const today = dayNumberOf(now)
  // Employees are 18–69 at the reference date and were hired at most 45 years before it.
  const oldestEmployeeBirth = yearsFrom(now, -70) + 1
  const youngestEmployeeBirth = yearsFrom(now, -18)
  const earliestHire = yearsFrom(now, -45)
  const oldestParentBirth = yearsFrom(now, -100)
  const prng = createPrng(seed)
  const unique = {
    sharoushiCode: createUniqueDigits(prng, 8),
    corporateNumberBase: createUniqueDigits(prng, 12),
    basicPensionNumber: createUniqueDigits(prng, 10),
    employmentInsuranceNumber: createUniqueDigits(prng, 11),
    myNumberBase: createUniqueDigits(prng, 11),
  }
  const issuedOfficeSymbols = new Set<string>()

  function office(): SyntheticOffice {
    const family = prng.pick(FAMILY_NAMES)
    return {
      name: prng.chance(0.7)
        ? `${family[0]}社会保険労務士事務所`
        : `社会保険労務士法人${prng.pick(COMPANY_WORDS)}`,
      representativeName: `${family[0]}${FULL_WIDTH_SPACE}${givenName(randomSex())[0]}`,
      sharoushiCode: unique.sharoushiCode.next(),
      ...address(),
    }
  }

  function client(): SyntheticClient {
    const form = prng.pick(COMPANY_FORMS)
    const trade = `${prng.pick(COMPANY_WORDS)}${prng.pick(COMPANY_TRADES)}`
    return {
      name: prng.chance(0.6) ? `${form}${trade}` : `${trade}${form}`,
      corporateNumber: withLeadingCheckDigit(unique.corporateNumberBase.next()),
      officeSymbol: officeSymbol(),
      officeNumber: String(prng.intBetween(1, 99_999)),
      ownerName: `${prng.pick(FAMILY_NAMES)[0]}${FULL_WIDTH_SPACE}${givenName(randomSex())[0]}`,
      ...address(),
    }
  }

  function employee(employeeOptions: EmployeeOptions = {}): SyntheticEmployee {
    const sex = randomSex()
    const family = prng.pick(FAMILY_NAMES)
    const given = givenName(sex)
    const birth = civilDateOf(dayBetween(oldestEmployeeBirth, youngestEmployeeBirth))
    const adult = yearsFrom(birth, 18)
    const employmentType = employeeOptions.employmentType ?? prng.pick(EMPLOYMENT_TYPES)
    if (employeeOptions.prefectureCode !== undefined) {
      prefectureName(employeeOptions.prefectureCode)
    }
    const livesNearby = employeeOptions.prefectureCode !== undefined && prng.chance(0.8)
    return {
      familyName: family[0],
      givenName: given[0],
      familyNameKana: family[1],
      givenNameKana: given[1],
      sex,
      birthDate: formatIsoDate(birth),
      ...address(livesNearby ? employeeOptions.prefectureCode : undefined),
      basicPensionNumber: unique.basicPensionNumber.next(),
      employmentInsuranceNumber: unique.employmentInsuranceNumber.next(),
      hireDate: isoDateOf(dayBetween(Math.max(adult, earliestHire), today)),
      employmentType,
      ...employmentTerms(prng, employmentType, ageOf(birth)),
    }
  }

  function dependent(person: SyntheticEmployee, relationship?: Relationship): SyntheticDependent {
    const personBirth = parseIsoDate(person.birthDate, 'employee.birthDate')
    const childPossible = canHaveChild(personBirth)
    const kind = relationship ?? prng.pick(childPossible ? RELATIONSHIPS : RELATIONSHIPS_WITHOUT_CHILD)
    if (kind === 'child' && !childPossible) {
      throw new RulesError({
        code: 'ARGUMENT_INVALID',
        message: 'the synthetic model gives no child to an employee under 20',
        messageJa: '合成データでは20歳未満の従業員に子の被扶養者を作りません。',
        field: 'relationship',
      })
    }
    const sex: Sex = kind === 'spouse' ? (person.sex === 'male' ? 'female' : 'male') : randomSex()
    const given = givenName(sex)
    const birth = civilDateOf(dependentBirthDay(kind, personBirth))
    const cohabiting = prng.chance(kind === 'parent' ? 0.6 : kind === 'spouse' ? 0.95 : 0.9)
    return {
      familyName: person.familyName,
      givenName: given[0],
      familyNameKana: person.familyNameKana,
      givenNameKana: given[1],
      relationship: kind,
      sex,
      birthDate: formatIsoDate(birth),
      annualIncome: annualIncome(prng, kind, ageOf(birth)),
      cohabiting,
      ...(cohabiting
        ? { postalCode: person.postalCode, prefectureCode: person.prefectureCode, address: person.address }
        : address()),
    }
  }

  function dependents(person: SyntheticEmployee): SyntheticDependent[] {
    const count = prng.pick(DEPENDENT_COUNTS)
    const childPossible = count > 1 && canHaveChild(parseIsoDate(person.birthDate, 'employee.birthDate'))
    const out: SyntheticDependent[] = []
    for (let i = 0; i < count; i++) {
      const hasSpouse = out.some((d) => d.relationship === 'spouse')
      const next = hasSpouse ? (childPossible && prng.chance(0.8) ? 'child' : 'parent') : undefined
      out.push(dependent(person, next))
    }
    return out
  }

  function myNumber(): string {
    const base = unique.myNumberBase.next()
    return `${base}${computeMyNumberCheckDigit(base)}`
  }

  function withLeadingCheckDigit(base12: string): string {
    return `${computeCorporateNumberCheckDigit(base12)}${base12}`
  }

  /** `count` (≤ 6) random digits. */
  function digits(count: number): string {
    return String(prng.int(10 ** count)).padStart(count, '0')
  }

  /** A uniform day number in [first, last]. */
  function dayBetween(first: number, last: number): number {
    return first + prng.int(last - first + 1)
  }

  function randomSex(): Sex {
    return prng.chance(0.5) ? 'male' : 'female'
  }

  function givenName(sex: Sex): NameWithKana {
    return prng.pick(sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES)
  }

  function address(prefectureCode: number = prng.intBetween(1, PREFECTURES.length)): PostalAddress {
    const prefecture = prefectureName(prefectureCode)
    const block = `${prng.intBetween(1, 9)}丁目${prng.intBetween(1, 30)}番${prng.intBetween(1, 20)}号`
    return {
      postalCode: `${digits(3)}-${digits(4)}`,
      prefectureCode,
      address: `${prefecture}${prng.pick(CITY_NAMES)}${prng.pick(TOWN_NAMES)}${block}`,
    }
  }

  function officeSymbol(): OfficeSymbol {
    for (;;) {
      const length = prng.intBetween(2, 4)
      let mark = ''
      while (mark.length < length) {
        mark += prng.pick(OFFICE_MARK_KANA)
      }
      const key = `${String(prng.intBetween(1, 99)).padStart(2, '0')}${mark}`
      if (!issuedOfficeSymbols.has(key)) {
        issuedOfficeSymbols.add(key)
        return { districtCode: key.slice(0, 2), officeMark: mark }
      }
    }
  }

  function dependentBirthDay(kind: Relationship, employeeBirth: CivilDate): number {
    if (kind === 'spouse') {
      return dayBetween(
        yearsFrom(employeeBirth, -5),
        Math.min(yearsFrom(employeeBirth, 5), youngestEmployeeBirth),
      )
    }
    if (kind === 'child') {
      return dayBetween(yearsFrom(employeeBirth, 20), Math.min(yearsFrom(employeeBirth, 45), today))
    }
    return dayBetween(
      Math.max(yearsFrom(employeeBirth, -40), oldestParentBirth),
      yearsFrom(employeeBirth, -20),
    )
  }

  function canHaveChild(employeeBirth: CivilDate): boolean {
    return yearsFrom(employeeBirth, 20) <= today
  }

  /**
   * Completed years on the reference date, for plausible salaries and incomes only. Statutory
   * ages (年齢計算ニ関スル法律: reached the day before the birthday) are not modelled here.
   */
  function ageOf(birth: CivilDate): number {
    const hadBirthday = now.month > birth.month || (now.month === birth.month && now.day >= birth.day)
    return now.year - birth.year - (hadBirthday ? 0 : 1)
  }

  return { office, client, employee, dependent, dependents, myNumber }
}

function yearsFrom(date: CivilDate, years: number): number {
  return dayNumberOf(addYearsToDate(date, years))
}

function isoDateOf(dayNumber: number): string {
  return formatIsoDate(civilDateOf(dayNumber))
}

function prefectureName(prefectureCode: number): string {
  const name = Number.isInteger(prefectureCode) ? PREFECTURES[prefectureCode - 1] : undefined
  if (name === undefined) {
    throw new RulesError({
      code: 'PREFECTURE_UNKNOWN',
      message: 'prefecture code must be a JIS X 0401 code, 1 to 47',
      messageJa: '都道府県コード（JIS X 0401、1〜47）が不正です。',
      field: 'prefectureCode',
    })
  }
  return name
}
