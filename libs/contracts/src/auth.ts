import { z } from 'zod';
import { ROLES, type Role } from './roles';

/**
 * Deliberately loose: self-hosted installs use addresses like admin@localhost that a
 * strict validator rejects. The address only has to identify the account.
 */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@]+@[^\s@]+$/, 'email must look like name@example.com');

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'password is required'),
});
export type LoginInput = z.input<typeof loginSchema>;

export interface Modules {
  bulk: boolean;
  workflow: boolean;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Me extends User {
  modules: Modules;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export const roleSchema = z.enum(ROLES);
