/**
 * Which column of the file holds which field, as the server's importer understands it
 * (packages/server/src/imports/column-mapping.ts: its fields, and its default Japanese headers
 * compared after NFKC without spaces and brackets). The page shows the guess, lets the user
 * change it, and sends the mapping explicitly. `myNumber` is the 個人番号 column: read in the page
 * only, never sent.
 */
export type TableKind = 'employees' | 'dependents'

export const EMPLOYEE_FIELD_LABELS = {
  rowKey: '行キー',
  employeeNumber: '社員番号',
  fullName: '氏名（姓と名）',
  familyName: '姓',
  givenName: '名',
  fullNameKana: 'フリガナ（セイとメイ）',
  familyNameKana: 'セイ',
  givenNameKana: 'メイ',
  birthDate: '生年月日',
  sex: '性別',
  postalCode: '郵便番号',
  prefectureCode: '都道府県',
  address: '住所',
  basicPensionNumber: '基礎年金番号',
  employmentInsuranceNumber: '雇用保険被保険者番号',
  insuredSerial: '被保険者整理番号',
  hireDate: '入社日',
  employmentType: '雇用形態',
  weeklyHours: '週所定労働時間',
  payBasis: '給与形態',
  basePayYen: '基本給',
  commutingAllowanceYen: '通勤手当',
  myNumber: '個人番号（この画面で暗号化）',
} as const

export const DEPENDENT_FIELD_LABELS = {
  employeeNumber: '社員番号',
  employeeRowKey: '社員の行キー',
  relationship: '続柄',
  fullName: '氏名（姓と名）',
  familyName: '姓',
  givenName: '名',
  fullNameKana: 'フリガナ（セイとメイ）',
  familyNameKana: 'セイ',
  givenNameKana: 'メイ',
  birthDate: '生年月日',
  sex: '性別',
  annualIncomeYen: '年収',
  cohabiting: '同居',
  postalCode: '郵便番号',
  address: '住所',
  basicPensionNumber: '基礎年金番号',
  dependentFrom: '被扶養者となった日',
  dependentUntil: '被扶養者でなくなった日',
  myNumber: '個人番号（この画面で暗号化）',
} as const

export type EmployeeField = keyof typeof EMPLOYEE_FIELD_LABELS
export type DependentField = keyof typeof DEPENDENT_FIELD_LABELS
export type Field = EmployeeField | DependentField
export const IGNORE = 'ignore'
/** Per column of the file, the field it holds or IGNORE. */
export type ColumnChoice = Field | typeof IGNORE

export function fieldLabelsOf(kind: TableKind): Readonly<Record<string, string>> {
  return kind === 'employees' ? EMPLOYEE_FIELD_LABELS : DEPENDENT_FIELD_LABELS
}

const COMMON_HEADERS = {
  fullName: ['氏名', '名前', '氏名漢字', '漢字氏名'],
  familyName: ['姓', '氏', '苗字', '姓漢字'],
  givenName: ['名', '名漢字'],
  fullNameKana: ['フリガナ', 'ふりがな', '氏名カナ', '氏名フリガナ', 'カナ氏名', 'カナ'],
  familyNameKana: ['セイ', '姓カナ', '姓フリガナ'],
  givenNameKana: ['メイ', '名カナ', '名フリガナ'],
  birthDate: ['生年月日', '誕生日'],
  sex: ['性別'],
  postalCode: ['郵便番号', '〒'],
  address: ['住所'],
  basicPensionNumber: ['基礎年金番号'],
  myNumber: ['個人番号', 'マイナンバー'],
} as const

const EMPLOYEE_NUMBER_HEADERS = ['社員番号', '従業員番号', '社員No', '社員コード', '従業員コード']

const EMPLOYEE_HEADERS: Readonly<Record<EmployeeField, readonly string[]>> = {
  ...COMMON_HEADERS,
  rowKey: ['行キー', 'キー'],
  employeeNumber: EMPLOYEE_NUMBER_HEADERS,
  prefectureCode: ['都道府県', '都道府県コード'],
  employmentInsuranceNumber: ['雇用保険被保険者番号', '雇用保険番号'],
  insuredSerial: ['被保険者整理番号', '整理番号'],
  hireDate: ['入社日', '入社年月日', '雇入年月日', '採用日'],
  employmentType: ['雇用形態', '雇用区分'],
  weeklyHours: ['週所定労働時間', '週の所定労働時間', '所定労働時間週'],
  payBasis: ['給与形態', '給与区分', '賃金形態'],
  basePayYen: ['基本給', '基本給月額', '基本給円'],
  commutingAllowanceYen: ['通勤手当', '通勤手当月額'],
}

const DEPENDENT_HEADERS: Readonly<Record<DependentField, readonly string[]>> = {
  ...COMMON_HEADERS,
  employeeNumber: EMPLOYEE_NUMBER_HEADERS,
  employeeRowKey: ['社員行キー', '行キー', 'キー'],
  relationship: ['続柄'],
  annualIncomeYen: ['年収', '年間収入', '収入', '年間収入見込額'],
  cohabiting: ['同居', '同居区分', '同居別居', '同別居'],
  dependentFrom: ['被扶養者となった日', '扶養開始日', '認定日', '被扶養者認定日'],
  dependentUntil: ['被扶養者でなくなった日', '扶養終了日'],
}

/** Headers compare without width, case, spaces, brackets and the dots of 'No.'. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・.()[\]{}（）【】「」『』<>＜＞:：]/g, '')
}

function indexOf(headers: Readonly<Record<string, readonly string[]>>): Map<string, Field> {
  const index = new Map<string, Field>()
  for (const [field, labels] of Object.entries(headers)) {
    for (const label of labels) index.set(headerKey(label), field as Field)
  }
  return index
}

const DEFAULTS: Readonly<Record<TableKind, ReadonlyMap<string, Field>>> = {
  employees: indexOf(EMPLOYEE_HEADERS),
  dependents: indexOf(DEPENDENT_HEADERS),
}

/** The page's first guess for each column: the field its header names, else not imported. */
export function guessColumns(kind: TableKind, headers: readonly string[]): ColumnChoice[] {
  return headers.map((header) => DEFAULTS[kind].get(headerKey(header)) ?? IGNORE)
}

/** Fields chosen for more than one column: the user must pick one. */
export function duplicateFields(choices: readonly ColumnChoice[]): Field[] {
  const seen = new Set<Field>()
  const duplicates = new Set<Field>()
  for (const choice of choices) {
    if (choice === IGNORE) continue
    if (seen.has(choice)) duplicates.add(choice)
    seen.add(choice)
  }
  return [...duplicates]
}
