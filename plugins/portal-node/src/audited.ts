import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import express from 'express';

/**
 * Runs one step of a request as an audit event: `success()` when it
 * completes, `fail()` with the error when it throws (and the error goes on
 * to the framework's error handler).
 *
 * @public
 */
export async function audited<T>(
  auditor: AuditorService,
  req: express.Request,
  event: {
    eventId: string;
    severityLevel: 'low' | 'medium' | 'high' | 'critical';
    meta: JsonObject;
  },
  step: () => Promise<T>,
): Promise<T> {
  const auditEvent = await auditor.createEvent({ ...event, request: req });
  try {
    const result = await step();
    await auditEvent.success();
    return result;
  } catch (error) {
    await auditEvent.fail({ error: error as Error });
    throw error;
  }
}
