export const ROLES = ['admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];
export const ADMIN_ROLE: Role = 'admin';
export const OPERATOR_ROLE: Role = 'operator';
