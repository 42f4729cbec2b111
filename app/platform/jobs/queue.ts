// One job queue for every process on the database: a job sent by any process is claimed by one
// worker, renewed by that worker's heartbeat while it works, and retried elsewhere when the
// worker fails, stops before finishing, or stops renewing (its process died), up to its retry
// limit; then it is failed. Starting a process never touches another's jobs. PostgreSQL runs it
// on pg-boss (pg-boss-queue.server.ts), SQLite on a table (table-queue.server.ts): open.server.ts
// picks by the database.

export interface JobPolicy {
  /** Tries after the first: a failure, an expired lease or a stop before finishing uses one. */
  retryLimit: number;
  /** Wait before a failed job is tried again. */
  retryDelaySeconds: number;
  /** How long a claim holds without a heartbeat; past it another worker may take the job. */
  leaseSeconds: number;
}

export const DEFAULT_POLICY: JobPolicy = { retryLimit: 2, retryDelaySeconds: 5, leaseSeconds: 60 };

export interface QueuedJob<T> {
  id: string;
  name: string;
  data: T;
  /** 0 on the first try. */
  retryCount: number;
  retryLimit: number;
}

/** Resolves when the job is done; throws to fail it (retried while tries are left). */
export type JobHandler<T> = (job: QueuedJob<T>) => Promise<void>;

export interface JobQueue {
  readonly backend: 'pg-boss' | 'table';
  send<T extends object>(name: string, data: T, policy?: Partial<JobPolicy>): Promise<string>;
  /** Works jobs of `name`, at most `concurrency` at once in this process. */
  work<T>(name: string, options: { concurrency: number }, handler: JobHandler<T>): Promise<void>;
  /**
   * Takes no new jobs, waits up to `timeoutMs` for the ones in hand, then hands back those still
   * running (each uses a try), so another process finishes them rather than nobody.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

export interface QueueOptions {
  /** The lease of a job sent without one (JOB_LEASE_SECONDS): how soon a dead process's job is retried. */
  leaseSeconds?: number;
  /** How often a worker renews the lease of each job it holds (a third of the lease unless set). */
  heartbeatSeconds?: number;
  /** How often an idle worker looks for work (a job sent by this process wakes it at once). */
  pollSeconds?: number;
  /** How often expired leases are looked for (pg-boss: its maintenance interval; half the lease unless set). */
  sweepSeconds?: number;
}

export const queueDefaults = ({ leaseSeconds = DEFAULT_POLICY.leaseSeconds, ...options }: QueueOptions) => ({
  leaseSeconds,
  heartbeatSeconds: Math.max(1, Math.min(10, Math.floor(leaseSeconds / 3))),
  pollSeconds: 2,
  sweepSeconds: Math.max(1, Math.min(30, Math.floor(leaseSeconds / 2))),
  ...options,
});

/** A job's policy: what the sender says, else the queue's lease and the default tries. */
export const withDefaults = (policy: Partial<JobPolicy> = {}, leaseSeconds = DEFAULT_POLICY.leaseSeconds): JobPolicy => ({
  ...DEFAULT_POLICY,
  leaseSeconds,
  ...policy,
});
