import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { JobRow } from './job-row';

/** What one committed transaction changed: the jobs (new counters) and the message rows. */
export interface BulkChange {
  jobs: JobRow[];
  /** bulk_messages.id of rows whose status or reply changed, by job. */
  messageIds: Map<string, string[]>;
}

/** Published only after commit, so listeners never see state that could still roll back. */
@Injectable()
export class BulkChanges {
  private readonly subject = new Subject<BulkChange>();
  readonly changes$ = this.subject.asObservable();

  publish(change: BulkChange): void {
    if (change.jobs.length > 0) this.subject.next(change);
  }
}
