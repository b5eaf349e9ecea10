import type { OfficeSymbol } from '../identifiers/office-symbol.ts'

/**
 * Fictional records for tests, demos and benchmarks. Every number has the right format and,
 * where a check digit exists, a valid one; names, dates and addresses are random combinations.
 * Dates are 'YYYY-MM-DD'; amounts are whole yen.
 */
export type Sex = 'male' | 'female'

export type EmploymentType = 'regular' | 'contract' | 'part-time'

export type Relationship = 'spouse' | 'child' | 'parent'

export type PersonName = {
  familyName: string
  givenName: string
  /** Full-width katakana. */
  familyNameKana: string
  givenNameKana: string
}

export type PostalAddress = {
  /** 'NNN-NNNN' */
  postalCode: string
  /** JIS X 0401 都道府県コード, 1–47. */
  prefectureCode: number
  address: string
}

/** A 社労士 office, the tenant. */
export type SyntheticOffice = PostalAddress & {
  name: string
  /** 社労士氏名: family and given name joined by a full-width space. */
  representativeName: string
  sharoushiCode: string
}

/** A client 事業所. */
export type SyntheticClient = PostalAddress & {
  name: string
  /** 13 digits, valid check digit. */
  corporateNumber: string
  officeSymbol: OfficeSymbol
  /** 日本年金機構 事業所番号, 1–5 digits. */
  officeNumber: string
  /** 事業主氏名: family and given name joined by a full-width space. */
  ownerName: string
}

export type SyntheticEmployee = PersonName &
  PostalAddress & {
    sex: Sex
    birthDate: string
    /** 10 digits (課所符号 4 + 一連番号 6). */
    basicPensionNumber: string
    /** 11 digits (4-6-1). */
    employmentInsuranceNumber: string
    hireDate: string
    employmentType: EmploymentType
    weeklyHours: number
    monthlySalary: number
  }

export type SyntheticDependent = PersonName &
  PostalAddress & {
    relationship: Relationship
    sex: Sex
    birthDate: string
    annualIncome: number
    cohabiting: boolean
  }
