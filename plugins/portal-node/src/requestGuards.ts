import {
  CustomErrorBase,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express from 'express';
import { isUtf8 } from 'node:buffer';

/** The largest JSON body any route of the portal reads. */
const MAX_JSON_BODY_BYTES = 64 * 1024;

/** A request body over the limit (413). */
class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413 as const;
}

/** A body in a media type or character set the route does not read (415). */
class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError' as const;
  statusCode = 415 as const;
}

function isJson(req: express.Request) {
  return !!req.is(['application/json', 'application/*+json']);
}

/**
 * Reads JSON request bodies for every route of a plugin, the same way:
 * at most `limit` bytes (413 over it), UTF-8 only (a declared charset that
 * is not UTF-8 is a 415, bytes that are not UTF-8 a 400), and a body that
 * is not an object or an array is a 400 naming `body`. Errors use the
 * framework's error body, so clients read them as ResponseErrors.
 *
 * Installed once, before the plugins' routes, by the portal's httpRouter
 * service; a plugin's own `express.json()` then finds the body read.
 * @public
 */
export function jsonBodies(
  options: { limit?: number } = {},
): express.RequestHandler {
  const limit = options.limit ?? MAX_JSON_BODY_BYTES;
  const parse = express.json({
    limit,
    strict: false,
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) {
        throw new InputError('Invalid body: body: is not valid UTF-8');
      }
    },
  });
  return (req, res, next) => {
    if (!isJson(req)) {
      next();
      return;
    }
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(
      req.headers['content-type'] ?? '',
    )?.[2];
    if (charset && !/^utf-?8$/i.test(charset)) {
      next(
        new UnsupportedMediaTypeError(
          `Invalid body: body: must be UTF-8 JSON (not ${charset})`,
        ),
      );
      return;
    }
    parse(req, res, (error?: any) => {
      if (!error) {
        const body = req.body;
        if (
          req.headers['content-length'] !== '0' &&
          body !== undefined &&
          (body === null || typeof body !== 'object')
        ) {
          next(
            new InputError(
              'Invalid body: body: must be a JSON object, not a single value',
            ),
          );
          return;
        }
        next();
        return;
      }
      if (error instanceof InputError) {
        next(error);
      } else if (error.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `Invalid body: body: is larger than ${Math.round(limit / 1024)} kB`,
          ),
        );
      } else if (
        error.type === 'charset.unsupported' ||
        error.type === 'encoding.unsupported'
      ) {
        next(new UnsupportedMediaTypeError(`Invalid body: ${error.message}`));
      } else if (error.type === 'entity.parse.failed') {
        next(new InputError('Invalid body: body: is not valid JSON'));
      } else if (typeof error.status === 'number' && error.status < 500) {
        next(new InputError(`Invalid body: ${error.message}`));
      } else {
        next(error);
      }
    });
  };
}

/** Error codes and messages of a database that cannot be reached. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  // PostgreSQL: shutting down, starting up, too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  // SQLite: the file is locked by another writer for too long.
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

const UNAVAILABLE_MESSAGES = [
  /Knex: Timeout acquiring a connection/,
  /Connection terminated/,
  /Client has encountered a connection error/,
  /connect ECONNREFUSED/,
  /the database system is (starting up|shutting down)/,
  /terminating connection due to administrator command/,
];

/** Whether an error means that the database is out of reach for now. */
function isDatabaseUnavailable(error: unknown): boolean {
  let current: any = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const message = String(current.message ?? '');
    if (
      (typeof current.code === 'string' &&
        UNAVAILABLE_CODES.has(current.code)) ||
      current.name === 'KnexTimeoutError' ||
      UNAVAILABLE_MESSAGES.some(re => re.test(message))
    ) {
      return true;
    }
    current = current.cause ?? current.originalError;
  }
  return false;
}

/**
 * Turns the errors of a database out of reach into 503 Service Unavailable
 * with a clear message and a Retry-After header, instead of a 500; every
 * other error goes on as it was. Installed after a plugin's routes.
 * @public
 */
export function databaseOutagesAs503(): express.ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (isDatabaseUnavailable(error)) {
      if (!res.headersSent) res.setHeader('Retry-After', '5');
      next(
        new ServiceUnavailableError(
          'The database cannot be reached right now. Try again in a moment.',
          error,
        ),
      );
      return;
    }
    next(error);
  };
}
