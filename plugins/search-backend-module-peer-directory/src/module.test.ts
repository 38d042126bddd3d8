import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { searchModulePeerDirectory } from './module';

async function scheduleWith(config: object) {
  const addCollator = jest.fn();
  const scheduler = mockServices.scheduler.mock();
  scheduler.createScheduledTaskRunner.mockReturnValue({ run: jest.fn() });
  await startTestBackend({
    extensionPoints: [[searchIndexRegistryExtensionPoint, { addCollator }]],
    features: [
      searchModulePeerDirectory,
      scheduler.factory,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  expect(addCollator).toHaveBeenCalledTimes(1);
  return scheduler.createScheduledTaskRunner.mock.calls[0][0];
}

describe('searchModulePeerDirectory', () => {
  it('indexes every 10 minutes unless configured', async () => {
    expect(await scheduleWith({})).toEqual({
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 15 },
    });
  });

  it('reads search.collators.peerDirectory.schedule', async () => {
    expect(
      await scheduleWith({
        search: {
          collators: {
            peerDirectory: {
              schedule: {
                frequency: { hours: 1 },
                timeout: { minutes: 5 },
              },
            },
          },
        },
      }),
    ).toEqual(
      expect.objectContaining({
        frequency: expect.objectContaining({ hours: 1 }),
      }),
    );
  });
});
