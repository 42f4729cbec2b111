import type { User } from '#db/schema';
import { can, type Permission } from './roles';

const PERMISSIONS: Permission[] = [
  'viewWorkspace',
  'readResults',
  'editConsultations',
  'editResponses',
  'manageUsers',
  'editFramework',
  'readAudit',
  'readRecords',
];

/** What the workspace's pages may show of the signed-in person: never the password hash. */
export function workspaceUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    can: Object.fromEntries(PERMISSIONS.map((p) => [p, can(user.role, p)])) as Record<Permission, boolean>,
  };
}

export type WorkspaceUser = ReturnType<typeof workspaceUser>;
