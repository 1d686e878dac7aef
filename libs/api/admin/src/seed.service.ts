import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ADMIN_ROLE, OPERATOR_ROLE } from '@bluetick/contracts';
import { APP_CONFIG, type AppConfig } from '@bluetick/api/core';
import { UsersService } from '@bluetick/api/users';
import { DataSource } from 'typeorm';
import { AdminService } from './admin.service';

export const DEMO_OPERATOR_EMAIL = 'demo@localhost';
const SEED_LOCK = 0x5eed;

/** First start: the admin, and on an empty database (or DEMO=1) a demo operator on the sandbox. */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly log = new Logger('Seed');

  constructor(
    private readonly admin: AdminService,
    private readonly users: UsersService,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // One instance seeds; the others wait and then find the users there.
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const empty = (await this.users.countByRole(ADMIN_ROLE)) === 0;
      if (empty) await this.createAdmin();
      const wantDemo = this.config.demo === true || (this.config.demo === 'auto' && empty);
      if (wantDemo && !(await this.users.existsByEmail(DEMO_OPERATOR_EMAIL))) await this.createDemoOperator();
    });
  }

  private async createAdmin(): Promise<void> {
    const generated = this.config.admin.password === null;
    const password = this.config.admin.password ?? randomBytes(12).toString('base64url');
    await this.admin.createUser({ email: this.config.admin.email, password, name: 'Admin', role: ADMIN_ROLE, modules: { bulk: true, workflow: true } });
    this.log.log(`Created admin ${this.config.admin.email}`);
    // Printed once, on purpose, to the terminal (not the logger): the only way to learn a generated password.
    if (generated) printOnce(`Admin sign-in: ${this.config.admin.email} / ${password}  (shown once; set ADMIN_PASSWORD to choose it)`);
  }

  private async createDemoOperator(): Promise<void> {
    const password = randomBytes(9).toString('base64url');
    await this.admin.createUser({ email: DEMO_OPERATOR_EMAIL, password, name: 'Demo Operator', role: OPERATOR_ROLE });
    printOnce(`Demo operator (sandbox provider): ${DEMO_OPERATOR_EMAIL} / ${password}  (shown once)`);
  }
}

function printOnce(line: string): void {
  process.stdout.write(`\n  ${line}\n\n`);
}
