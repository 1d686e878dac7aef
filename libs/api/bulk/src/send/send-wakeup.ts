import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/** Lets a new job start sending at once instead of at the sender's next poll. */
@Injectable()
export class SendWakeup {
  private readonly subject = new Subject<void>();
  readonly wakes$ = this.subject.asObservable();

  wake(): void {
    this.subject.next();
  }
}
