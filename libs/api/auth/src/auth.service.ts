import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@bluetick/api/core';
import { UsersService, toUser, type UserEntity } from '@bluetick/api/users';
import type { LoginResponse } from '@bluetick/contracts';
import { LoginThrottleService } from './login-throttle.service';

interface TokenClaims {
  sub: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, ip: string): Promise<LoginResponse> {
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users.verifyCredentials(email, password);
    if (!user) {
      await this.throttle.recordFailure(email, ip);
      throw new UnauthorizedException('Wrong email or password');
    }
    await this.throttle.recordSuccess(email, ip);
    return { accessToken: this.issueToken(user), user: toUser(user) };
  }

  issueToken(user: UserEntity): string {
    return this.jwt.sign({ sub: user.id } satisfies TokenClaims, { expiresIn: this.config.tokenTtlMinutes * 60 });
  }

  /** The current user behind a token, or null when it is invalid, expired or its user is gone. */
  async authenticate(token: string): Promise<UserEntity | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    return this.users.findById(claims.sub);
  }
}
