import { Injectable } from '@nestjs/common';
import { Wakeup } from '@bluetick/api/core';

/** Lets a new job start sending at once instead of at the sender's next poll. */
@Injectable()
export class SendWakeup extends Wakeup {}
