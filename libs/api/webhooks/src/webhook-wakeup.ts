import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/** Lets stored events be processed at once instead of at the processor's next poll. */
@Injectable()
export class WebhookWakeup {
  private readonly subject = new Subject<void>();
  readonly wakes$ = this.subject.asObservable();

  wake(): void {
    this.subject.next();
  }
}
