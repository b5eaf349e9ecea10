import { auditCommand } from './audit.ts'
import { calcCommand } from './calc.ts'
import type { Command } from './command.ts'
import { demoCommand } from './demo.ts'
import { doctorCommand } from './doctor.ts'
import { importCommand } from './import.ts'
import { migrateCommand } from './migrate.ts'
import { startCommand } from './start.ts'

export const COMMANDS: readonly Command[] = [
  startCommand,
  migrateCommand,
  doctorCommand,
  calcCommand,
  auditCommand,
  importCommand,
  demoCommand,
]
