/**
 * Which column holds which field. A mapping is `{ header: field }`; headers not in it are matched
 * against the default Japanese headers below (compared after NFKC, without spaces and brackets),
 * and a header mapped to `ignore` is skipped. Pseudo-fields: `fullName` / `fullNameKana` hold
 * family and given name in one cell (split at the first space), `myNumber` is the 個人番号 column,
 * which is read only on the importing device (see device.ts) and never sent.
 */
export const EMPLOYEE_FIELDS = [
  'rowKey',
  'employeeNumber',
  'fullName',
  'familyName',
  'givenName',
  'fullNameKana',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'sex',
  'postalCode',
  'prefectureCode',
  'address',
  'basicPensionNumber',
  'employmentInsuranceNumber',
  'insuredSerial',
  'hireDate',
  'employmentType',
  'weeklyHours',
  'payBasis',
  'basePayYen',
  'commutingAllowanceYen',
  'myNumber',
] as const
export type EmployeeField = (typeof EMPLOYEE_FIELDS)[number]

export const DEPENDENT_FIELDS = [
  'employeeNumber',
  'employeeRowKey',
  'relationship',
  'fullName',
  'familyName',
  'givenName',
  'fullNameKana',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'sex',
  'annualIncomeYen',
  'cohabiting',
  'postalCode',
  'address',
  'basicPensionNumber',
  'dependentFrom',
  'dependentUntil',
  'myNumber',
] as const
export type DependentField = (typeof DEPENDENT_FIELDS)[number]

export type TableKind = 'employees' | 'dependents'
export type FieldOf<K extends TableKind> = K extends 'employees' ? EmployeeField : DependentField
export type ColumnMapping<K extends TableKind> = Readonly<Record<string, FieldOf<K> | 'ignore'>>

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

const EMPLOYEE_HEADERS: Readonly<Record<EmployeeField, readonly string[]>> = {
  ...COMMON_HEADERS,
  rowKey: ['行キー', 'キー'],
  employeeNumber: ['社員番号', '従業員番号', '社員No', '社員コード', '従業員コード'],
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
  employeeNumber: ['社員番号', '従業員番号', '社員No', '社員コード', '従業員コード'],
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

const DEFAULTS: { [K in TableKind]: ReadonlyMap<string, FieldOf<K>> } = {
  employees: defaultIndex(EMPLOYEE_HEADERS),
  dependents: defaultIndex(DEPENDENT_HEADERS),
}

function defaultIndex<F extends string>(headers: Readonly<Record<F, readonly string[]>>): Map<string, F> {
  const index = new Map<string, F>()
  for (const [field, labels] of Object.entries(headers) as [F, readonly string[]][]) {
    for (const label of labels) index.set(headerKey(label), field)
  }
  return index
}

/** The field each column holds (null: not imported), by the mapping given and then the defaults. */
export function resolveColumns<K extends TableKind>(
  kind: K,
  headers: readonly string[],
  mapping: ColumnMapping<K> = {},
): (FieldOf<K> | null)[] {
  const given = new Map(Object.entries(mapping).map(([header, field]) => [headerKey(header), field]))
  return headers.map((header) => {
    const key = headerKey(header)
    const chosen = given.get(key)
    if (chosen !== undefined) return chosen === 'ignore' ? null : (chosen as FieldOf<K>)
    return (DEFAULTS[kind] as ReadonlyMap<string, FieldOf<K>>).get(key) ?? null
  })
}
