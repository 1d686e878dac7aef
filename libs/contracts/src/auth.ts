import { z } from 'zod';
import { ROLES, type Role } from './roles';

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email('email must be a valid address'),
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
