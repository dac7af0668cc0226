// Request bodies, declared per route: each route reads only the media types it documents, so a
// body of the wrong type gets a 415 that says what to send instead of a parse error.
import express, { type RequestHandler } from 'express';
import { prereadJson } from './hit-path';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

/** application/json (or the bytes the hit path read), text/plain and text/html bodies, within the byte limit. */
export const articleBody = (limit: number): RequestHandler[] => [
  prereadJson,
  express.json({ limit, strict: false }),
  express.text({ type: ['text/plain', 'text/html'], limit }),
];

/** Any body as text: the route checks the media type itself (NDJSON). */
export const rawTextBody = (limit: number): RequestHandler => express.text({ type: () => true, limit });
