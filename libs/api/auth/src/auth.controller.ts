import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { loginSchema, type LoginResponse, type Me } from '@bluetick/contracts';
import { parseOrThrow } from '@bluetick/api/core';
import { toMe, type UserEntity } from '@bluetick/api/users';
import { AuthService } from './auth.service';
import { CurrentUser, Public, type AuthenticatedRequest } from './decorators';

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<LoginResponse> {
    const { email, password } = parseOrThrow(loginSchema, body);
    return this.auth.login(email, password, req.ip);
  }

  @Get('me')
  me(@CurrentUser() user: UserEntity): Me {
    return toMe(user);
  }
}
