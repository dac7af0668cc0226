// RFC 9457 problem details: every error the API returns has this shape.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

export const Problem = z.object({
  type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
}).meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export class HttpProblem extends Error {
  constructor(readonly status: number, readonly title: string, detail: string, readonly errors?: { field: string; message: string }[]) { super(detail); }
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function sendProblem(res: Response, req: Request, status: number, title: string, detail: string, errors?: Problem['errors']): void {
  const body: Problem = { type: `https://factsheet.dev/problems/${slug(title)}`, title, status, detail, instance: req.originalUrl, ...(errors ? { errors } : {}) };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

export function zodErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/** Maps body-parser, zod and our own errors to problem+json; never leaks a stack trace. */
export function errorHandler(log: { error: (o: object, m: string) => void }) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { type?: string; status?: number; statusCode?: number; message?: string; body?: unknown };
    if (err instanceof HttpProblem) return sendProblem(res, req, err.status, err.title, err.message, err.errors);
    if (e.type === 'entity.too.large') return sendProblem(res, req, 413, 'Payload too large', `the request body exceeds the configured limit`, [{ field: '(body)', message: 'too large' }]);
    if (e.type === 'entity.parse.failed') return sendProblem(res, req, 400, 'Invalid JSON', `the request body is not valid JSON: ${e.message}`, [{ field: '(body)', message: 'not valid JSON' }]);
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return sendProblem(res, req, 415, 'Unsupported media type', e.message ?? 'unsupported encoding');
    const status = e.status ?? e.statusCode;
    if (status && status >= 400 && status < 500) return sendProblem(res, req, status, 'Bad request', e.message ?? 'bad request');
    log.error({ err }, 'unhandled error');
    sendProblem(res, req, 500, 'Internal error', 'the server failed to handle this request');
  };
}
