import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '@bluetick/api/auth';
import { DataSource } from 'typeorm';

@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  /** 200 once migrations ran and the app (with its workers) is up; 503 when the database is gone. */
  @Public()
  @Get()
  async health(): Promise<{ status: 'ok' }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database is not reachable');
    }
    return { status: 'ok' };
  }
}
