import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/** A 429 that tells the client when to come back, in the body and in Retry-After. */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

@Catch(TooManyRequestsException)
export class RetryAfterFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(exception: TooManyRequestsException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<{ header(name: string, value: string): void }>().header('retry-after', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
