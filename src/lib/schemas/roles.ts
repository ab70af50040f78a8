export const ROLES = ['admin', 'analyst', 'auditor', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do; every page and endpoint asks for one of these, never for a role by name. */
export const PERMISSIONS = {
	'events:read': ['admin', 'analyst', 'auditor', 'member'],
	'events:read-all-actors': ['admin', 'analyst', 'auditor'],
	'events:export': ['admin', 'analyst', 'auditor'],
	'reports:read': ['admin', 'analyst', 'auditor'],
	'alerts:read': ['admin', 'analyst', 'auditor'],
	'alerts:manage': ['admin', 'analyst'],
	'users:manage': ['admin'],
	'keys:manage': ['admin'],
	'settings:manage': ['admin']
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const can = (role: Role, permission: Permission): boolean => (PERMISSIONS[permission] as readonly Role[]).includes(role);

export const ROLE_LABELS: Record<Role, string> = {
	admin: 'Administrator',
	analyst: 'Analyst',
	auditor: 'Auditor',
	member: 'Member'
};
