import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';

/** The id Backstage search gives the directory's indexing task. */
export const PEER_DIRECTORY_INDEX_TASK = 'search_index_peer_directory';

/**
 * Runs the directory's indexing task now, when the directory says its
 * listing changed (an erased person must not stay findable until the next
 * scheduled run). Requests that come while one waits are folded into it.
 * A run already under way may have read the profiles before the change, so
 * a trigger refused because the task runs is tried again until it is taken.
 * A task that does not exist yet (search has not started) needs nothing:
 * its first run reads everything.
 */
export class IndexRefresher {
  private pending?: Promise<void>;

  constructor(
    private readonly options: {
      scheduler: Pick<SchedulerService, 'triggerTask'>;
      logger: LoggerService;
      retryMs?: number;
      maxAttempts?: number;
    },
  ) {}

  /** Asks for a run; resolves once the task has taken it (or gave up). */
  refresh(): Promise<void> {
    if (!this.pending) {
      this.pending = this.trigger().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async trigger(): Promise<void> {
    const { scheduler, logger } = this.options;
    const retryMs = this.options.retryMs ?? 5_000;
    const maxAttempts = this.options.maxAttempts ?? 120;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        await scheduler.triggerTask(PEER_DIRECTORY_INDEX_TASK);
        return;
      } catch (error) {
        const name = (error as Error)?.name;
        if (name === 'NotFoundError') return;
        if (name !== 'ConflictError') {
          logger.warn(`Could not re-index the peer directory: ${error}`);
          return;
        }
      }
      await new Promise(resolve => setTimeout(resolve, retryMs));
    }
    logger.warn(
      'The peer directory index stayed busy; its next scheduled run catches up',
    );
  }
}
