// RFC 9457 problem details: the HTTP rendering of FactsheetError (src/errors). Every error the API
// returns has this shape, with errors[] naming each bad field or parameter.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { FactsheetError, problemType, type FieldError, type ProblemKind } from '../errors';

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export function sendProblem(res: Response, req: Request, e: FactsheetError): void {
  const body: Problem = {
    type: problemType(e.kind),
    title: e.title,
    status: e.status,
    detail: e.message,
    instance: req.originalUrl,
    ...(e.errors.length ? { errors: e.errors } : {}),
  };
  res.status(e.status).type('application/problem+json').send(JSON.stringify(body));
}

const fail = (kind: ProblemKind, detail: string, errors?: FieldError[]) => new FactsheetError(kind, detail, errors);

/** Body-parser errors in the same words as ours. */
function fromBodyParser(e: {
  type?: string;
  message?: string;
  limit?: number;
  length?: number;
}): FactsheetError | null {
  if (e.type === 'entity.too.large') {
    return fail(
      'payload-too-large',
      `the request body is ${e.length ?? 'over'} bytes; the limit is ${e.limit} bytes (FACTSHEET_MAX_BODY_BYTES)`,
      [{ field: '(body)', message: `larger than ${e.limit} bytes` }],
    );
  }
  if (e.type === 'entity.parse.failed')
    return fail('invalid-json', `the request body is not valid JSON: ${e.message}`, [
      { field: '(body)', message: 'not valid JSON' },
    ]);
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return fail('unsupported-media-type', e.message ?? 'unsupported encoding', [
      { field: 'Content-Type', message: 'unsupported charset or encoding' },
    ]);
  }
  return null;
}

/** Maps FactsheetErrors, body-parser errors and anything else to problem+json; never leaks a stack trace. */
export function errorHandler(log: { error: (o: object, m: string) => void }) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    // deliberate refusals (overloaded, unavailable, timeout) are answers too; only a failure is logged and hidden
    if (err instanceof FactsheetError && (err.status < 500 || err.status === 503 || err.status === 504))
      return sendProblem(res, req, err);
    const e = err as { type?: string; status?: number; statusCode?: number; message?: string };
    const parsed = fromBodyParser(e);
    if (parsed) return sendProblem(res, req, parsed);
    const status = e.status ?? e.statusCode;
    if (status && status >= 400 && status < 500)
      return sendProblem(res, req, fail('invalid-input', e.message ?? 'bad request'));
    log.error({ err }, 'unhandled error');
    sendProblem(res, req, fail('internal-error', 'the server failed to handle this request'));
  };
}
