import type { Role } from '#db/schema';

// What each role may do. Every workspace route asks for one of these on the server; the role x
// route matrix test (app/auth/access.test.ts) walks all of them.
const GRANTS = {
  /** See the workspace at all: the dashboard, consultations and their results, read only. */
  viewWorkspace: ['admin', 'officer', 'analyst'],
  /** Results and exports (read only). */
  readResults: ['admin', 'officer', 'analyst'],
  /** Build and run consultations. */
  editConsultations: ['admin', 'officer'],
  /** Key in, import, code and exclude responses. */
  editResponses: ['admin', 'officer'],
  /** Invite, disable and change the role of users. */
  manageUsers: ['admin'],
  /** The council's themes and priorities. */
  editFramework: ['admin'],
  /** Read the audit log of every change. */
  readAudit: ['admin'],
  /** The record of processing: what personal data each consultation holds, until when, what was erased. */
  readRecords: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(role: Role, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(role);
}
