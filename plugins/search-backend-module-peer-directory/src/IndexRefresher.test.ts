import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { IndexRefresher, PEER_DIRECTORY_INDEX_TASK } from './IndexRefresher';

function refresherWith(answers: Array<Error | undefined>) {
  const calls: string[] = [];
  const scheduler = {
    triggerTask: async (id: string) => {
      calls.push(id);
      const answer = answers.shift();
      if (answer) throw answer;
    },
  };
  const refresher = new IndexRefresher({
    scheduler,
    logger: mockServices.logger.mock(),
    retryMs: 1,
  });
  return { refresher, calls };
}

describe('IndexRefresher', () => {
  it('runs the directory index task now', async () => {
    const { refresher, calls } = refresherWith([undefined]);
    await refresher.refresh();
    expect(calls).toEqual([PEER_DIRECTORY_INDEX_TASK]);
  });

  it('tries again while a run is under way, since that run may have read the profiles before the change', async () => {
    const busy = new ConflictError('running');
    const { refresher, calls } = refresherWith([busy, busy, undefined]);
    await refresher.refresh();
    expect(calls).toHaveLength(3);
  });

  it('folds requests that come while one waits into it', async () => {
    const busy = new ConflictError('running');
    const { refresher, calls } = refresherWith([busy, undefined]);
    await Promise.all([
      refresher.refresh(),
      refresher.refresh(),
      refresher.refresh(),
    ]);
    expect(calls).toHaveLength(2);
    await refresher.refresh();
    expect(calls).toHaveLength(3);
  });

  it('needs nothing before search has scheduled the task, and gives up on other errors', async () => {
    const { refresher, calls } = refresherWith([
      new NotFoundError('no task'),
      new Error('database down'),
    ]);
    await refresher.refresh();
    await refresher.refresh();
    expect(calls).toHaveLength(2);
  });
});
