/** User roles, weakest first. A role may do everything the roles before it may. */
export const roles = ['viewer', 'investigator', 'lead', 'admin'] as const;
export type Role = (typeof roles)[number];

/** What a procedure needs: no session at all, or an unlocked session with at least a role. */
export type Access = 'public' | Role;

export function roleAllows(role: Role, needed: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(needed);
}

/**
 * Full ID numbers may leave the workspace (case export, package, briefing) only for a lead or an
 * administrator; everyone else gets them masked. The UI, the documents and core share this rule.
 */
export const fullIdNumbersRole: Role = 'lead';

export function mayExportFullIds(role: Role): boolean {
  return roleAllows(role, fullIdNumbersRole);
}
