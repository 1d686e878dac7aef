import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { SandboxSent } from './sandbox-transport';

/** What the sandbox provider "sent", for the simulator that answers with webhook callbacks. */
@Injectable()
export class SandboxSends {
  private readonly subject = new Subject<SandboxSent>();
  readonly sent$ = this.subject.asObservable();

  publish(sent: SandboxSent): void {
    this.subject.next(sent);
  }
}
