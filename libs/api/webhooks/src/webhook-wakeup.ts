import { Injectable } from '@nestjs/common';
import { Wakeup } from '@bluetick/api/core';

/** Lets stored events be processed at once instead of at the processor's next poll. */
@Injectable()
export class WebhookWakeup extends Wakeup {}
