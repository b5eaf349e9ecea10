/**
 * The audit log's entry types and results in words an office reads. The server's set grows
 * (server/src/audit/server-audit-log.ts, ServerAuditType); a type not listed here is shown by the
 * operation it performed, so a new type never shows as a bare code.
 */
const TYPE_LABEL: Readonly<Record<string, string>> = {
  EMPLOYEES_LISTED: '従業員の一覧を表示',
  EMPLOYEE_VIEWED: '従業員の情報を表示',
  EMPLOYEE_CREATED: '従業員を登録',
  EMPLOYEE_UPDATED: '従業員の情報を変更',
  EMPLOYEE_LEFT: '退職を記録',
  DEPENDENTS_LISTED: '扶養家族の一覧を表示',
  DEPENDENT_CREATED: '扶養家族を登録',
  DEPENDENT_UPDATED: '扶養家族の情報を変更',
  DEPENDENT_DELETED: '扶養家族を削除',
  PEOPLE_IMPORTED: 'ファイルから取り込み',
  MY_NUMBER_REGISTRATION_RELAYED: '個人番号を登録',
  MY_NUMBER_REGISTRATION_APPROVED: '個人番号の登録を承認',
  MY_NUMBER_REFUSAL_RECORDED: '個人番号の提供拒否を記録',
  MY_NUMBER_STATUS_VIEWED: '個人番号の登録状況を表示',
  MY_NUMBER_REVEALED: '個人番号を画面に表示',
  ACCESS_HISTORY_VIEWED: 'アクセス履歴を表示',
  INVITATION_CREATED: '招待を発行',
  PAYSLIPS_EXPORTED: '給与明細を出力',
}

const OPERATION_LABEL: Readonly<Record<string, string>> = {
  read: '閲覧',
  create: '登録',
  update: '変更',
  delete: '削除',
  export: '出力',
  print: '印刷',
  submit: '提出',
  sign_in: 'サインイン',
  configure: '設定',
}

const RESULT_LABEL: Readonly<Record<string, { text: string; type: 'green' | 'red' | 'warning' }>> = {
  success: { text: '成功', type: 'green' },
  denied: { text: '拒否', type: 'red' },
  failure: { text: '失敗', type: 'warning' },
}

export function auditTypeLabel(type: string, operation: string): string {
  return TYPE_LABEL[type] ?? `${OPERATION_LABEL[operation] ?? 'その他の操作'}（${type}）`
}

export function auditResultLabel(result: string): { text: string; type: 'green' | 'red' | 'warning' } {
  return RESULT_LABEL[result] ?? { text: '不明', type: 'warning' }
}

/** Field names of the entry, as the person reading the log knows them. */
const FIELD_LABEL: Readonly<Record<string, string>> = {
  name: '氏名',
  nameKana: 'フリガナ',
  familyName: '姓',
  givenName: '名',
  familyNameKana: '姓（フリガナ）',
  givenNameKana: '名（フリガナ）',
  relationship: '続柄',
  annualIncomeYen: '年収見込み',
  cohabiting: '同居・別居',
  postalCode: '郵便番号',
  dependentFrom: '被扶養者になった日',
  dependentUntil: '被扶養者でなくなった日',
  birthDate: '生年月日',
  hireDate: '入社日',
  leaveDate: '退職日',
  employmentType: '雇用形態',
  employment: '雇用条件',
  pay: '給与',
  payBasis: '給与の形態',
  basePayYen: '基本給',
  allowances: '手当',
  commutingAllowanceYen: '通勤手当',
  weeklyHours: '週の所定労働時間',
  employeeNumber: '社員番号',
  prefectureCode: '住所の都道府県',
  sex: '性別',
  address: '住所',
  basicPensionNumber: '基礎年金番号',
  employmentInsuranceNumber: '雇用保険被保険者番号',
  insuredSerial: '被保険者整理番号',
  dependents: '扶養家族',
  myNumberStatus: '個人番号の登録状況',
  myNumber: '個人番号',
  accessHistory: 'アクセス履歴',
}

export function auditFieldsLabel(fields: readonly string[]): string {
  return fields.map((field) => FIELD_LABEL[field] ?? field).join('、')
}

/** Operations of a report row in the order the server gives them: 閲覧、出力 … */
export function auditOperationsLabel(operations: readonly string[]): string {
  return operations.map((operation) => OPERATION_LABEL[operation] ?? operation).join('、')
}
