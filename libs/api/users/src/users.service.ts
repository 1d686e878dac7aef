import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Me, Modules, Role, User } from '@bluetick/contracts';
import type { Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role: Role;
  modules?: Partial<Modules>;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  modules?: Partial<Modules>;
}

const PG_UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async create(input: NewUser): Promise<UserEntity> {
    const entity = this.users.create({
      email: input.email.trim().toLowerCase(),
      passwordHash: await argon2.hash(input.password),
      name: input.name,
      role: input.role,
      bulkEnabled: input.modules?.bulk ?? true,
      workflowEnabled: input.modules?.workflow ?? false,
    });
    try {
      return await this.users.save(entity);
    } catch (err) {
      if ((err as { code?: string }).code === PG_UNIQUE_VIOLATION) {
        throw new ConflictException(`A user with email ${entity.email} already exists`);
      }
      throw err;
    }
  }

  /** The user when the password matches; null otherwise (same answer for unknown email). */
  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    if (!user) {
      // Hash anyway so an unknown email takes as long as a wrong password.
      await argon2.hash(password);
      return null;
    }
    return (await argon2.verify(user.passwordHash, password)) ? user : null;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    return user;
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.users.existsBy({ email: email.trim().toLowerCase() });
  }

  countByRole(role: Role): Promise<number> {
    return this.users.countBy({ role });
  }

  async update(id: string, changes: UserChanges): Promise<UserEntity> {
    const user = await this.getById(id);
    if (changes.name !== undefined) user.name = changes.name;
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.modules?.bulk !== undefined) user.bulkEnabled = changes.modules.bulk;
    if (changes.modules?.workflow !== undefined) user.workflowEnabled = changes.modules.workflow;
    return this.users.save(user);
  }
}

export function toUser(entity: UserEntity): User {
  return { id: entity.id, email: entity.email, name: entity.name, role: entity.role };
}

export function modulesOf(entity: UserEntity): Modules {
  return { bulk: entity.bulkEnabled, workflow: entity.workflowEnabled };
}

export function toMe(entity: UserEntity): Me {
  return { ...toUser(entity), modules: modulesOf(entity) };
}
