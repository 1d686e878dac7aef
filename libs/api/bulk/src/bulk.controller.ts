import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { MESSAGE_STATUSES, messageQuerySchema, type Job, type MessagePage } from '@bluetick/contracts';
import { CurrentUser } from '@bluetick/api/auth';
import { parseOrThrow, ProblemsException } from '@bluetick/api/core';
import type { UserEntity } from '@bluetick/api/users';
import { BulkJobsService } from './bulk-jobs.service';
import { csvHeader, csvRows } from './messages-csv';

interface CsvReply {
  header(name: string, value: string): CsvReply;
  send(body: string): void;
}

function parseMessageQuery(query: unknown) {
  const parsed = parseOrThrow(messageQuerySchema, query);
  const unknown = parsed.status.filter((s) => !(MESSAGE_STATUSES as readonly string[]).includes(s));
  if (unknown.length) {
    throw new ProblemsException([{ path: 'status', message: `unknown status ${unknown.join(', ')}: use ${MESSAGE_STATUSES.join(', ')}` }]);
  }
  return parsed;
}

@Controller('api/bulk/jobs')
export class BulkController {
  constructor(private readonly jobs: BulkJobsService) {}

  @Post()
  create(@CurrentUser() user: UserEntity, @Body() body: unknown): Promise<Job> {
    return this.jobs.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: UserEntity): Promise<Job[]> {
    return this.jobs.list(user);
  }

  @Get(':id')
  get(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<Job> {
    return this.jobs.get(user, id);
  }

  @Get(':id/messages')
  messages(@CurrentUser() user: UserEntity, @Param('id') id: string, @Query() query: unknown): Promise<MessagePage> {
    return this.jobs.messages(user, id, parseMessageQuery(query));
  }

  /** The messages with status and last reply, as CSV; takes the Messages filters. */
  @Get(':id/export.csv')
  async export(@CurrentUser() user: UserEntity, @Param('id') id: string, @Query() query: unknown, @Res() reply: CsvReply): Promise<void> {
    const lines = [csvHeader()];
    for await (const rows of this.jobs.allMessages(user, id, parseMessageQuery(query))) lines.push(...csvRows(rows));
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="job-${id}.csv"`)
      .send(lines.join('\r\n') + '\r\n');
  }

  @Post(':id/cancel')
  cancel(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<Job> {
    return this.jobs.cancel(user, id);
  }

  @Post(':id/retry-failed')
  retryFailed(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<Job> {
    return this.jobs.retryFailed(user, id);
  }
}
