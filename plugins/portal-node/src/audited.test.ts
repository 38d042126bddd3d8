import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { audited } from './audited';

describe('audited', () => {
  const req = {} as express.Request;

  it('reports success and returns the step result', async () => {
    const success = jest.fn();
    const fail = jest.fn();
    const auditor = mockServices.auditor.mock({
      createEvent: jest.fn(async () => ({ success, fail })),
    });
    await expect(
      audited(
        auditor,
        req,
        { eventId: 'x', severityLevel: 'low', meta: { a: 1 } },
        async () => 42,
      ),
    ).resolves.toBe(42);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'x',
      severityLevel: 'low',
      meta: { a: 1 },
      request: req,
    });
    expect(success).toHaveBeenCalledTimes(1);
    expect(fail).not.toHaveBeenCalled();
  });

  it('reports failure with the error and throws it on', async () => {
    const success = jest.fn();
    const fail = jest.fn();
    const auditor = mockServices.auditor.mock({
      createEvent: jest.fn(async () => ({ success, fail })),
    });
    const error = new Error('boom');
    await expect(
      audited(
        auditor,
        req,
        { eventId: 'x', severityLevel: 'high', meta: {} },
        async () => {
          throw error;
        },
      ),
    ).rejects.toBe(error);
    expect(fail).toHaveBeenCalledWith({ error });
    expect(success).not.toHaveBeenCalled();
  });
});
