import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ADMIN_ROLE, createUserSchema, updateUserSchema, WEBHOOK_KINDS, type User, type UserDetails, type WebhookKind } from '@bluetick/contracts';
import { Roles } from '@bluetick/api/auth';
import { parseOrThrow } from '@bluetick/api/core';
import { toUser } from '@bluetick/api/users';
import { AdminService } from './admin.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No such user') });

@Controller('api/admin/users')
@Roles(ADMIN_ROLE)
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Post()
  async create(@Body() body: unknown): Promise<User> {
    return toUser(await this.admin.createUser(parseOrThrow(createUserSchema, body)));
  }

  @Get()
  list(): Promise<User[]> {
    return this.admin.list();
  }

  @Get(':id')
  details(@Param('id', uuid) id: string): Promise<UserDetails> {
    return this.admin.details(id);
  }

  @Patch(':id')
  update(@Param('id', uuid) id: string, @Body() body: unknown): Promise<UserDetails> {
    return this.admin.update(id, parseOrThrow(updateUserSchema, body));
  }

  /** Sends an unmatched or unrecognized bulk delivery through processing again (after fixing configuration). */
  @Post(':id/deliveries/:deliveryId/reprocess')
  reprocess(@Param('id', uuid) id: string, @Param('deliveryId') deliveryId: string): Promise<UserDetails> {
    return this.admin.reprocessDelivery(id, deliveryId);
  }

  @Post(':id/webhooks/:kind/rotate')
  rotate(@Param('id', uuid) id: string, @Param('kind') kind: string): Promise<UserDetails> {
    if (!(WEBHOOK_KINDS as readonly string[]).includes(kind)) {
      throw new NotFoundException(`Unknown webhook kind "${kind}": use ${WEBHOOK_KINDS.join(' or ')}`);
    }
    return this.admin.rotateWebhook(id, kind as WebhookKind);
  }
}
