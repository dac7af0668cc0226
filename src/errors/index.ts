// One error type for every shell. A FactsheetError says what went wrong (title, status, detail)
// and names each bad field; each shell renders it once: problem+json over HTTP (src/http/problem.ts),
// an {id, error} line in JSON Lines (toLineError), one line on stderr in the CLI.
import type { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

/** The problem kinds, with their HTTP status. The title is what people read; the slug names the kind. */
export const PROBLEMS = {
  'invalid-input': { title: 'Invalid input', status: 400 },
  'invalid-json': { title: 'Invalid JSON', status: 400 },
  'text-too-large': { title: 'Text too large', status: 413 },
  'payload-too-large': { title: 'Payload too large', status: 413 },
  'too-many-lines': { title: 'Too many lines', status: 413 },
  'unsupported-media-type': { title: 'Unsupported media type', status: 415 },
  'not-found': { title: 'Not found', status: 404 },
  unauthorized: { title: 'Unauthorized', status: 401 },
  'too-many-requests': { title: 'Too many requests', status: 429 },
  overloaded: { title: 'Service overloaded', status: 503 },
  unavailable: { title: 'Service unavailable', status: 503 },
  timeout: { title: 'Extraction timed out', status: 504 },
  'extraction-failed': { title: 'Extraction failed', status: 500 },
  'internal-error': { title: 'Internal error', status: 500 },
} as const;
export type ProblemKind = keyof typeof PROBLEMS;

/** The `type` URI of a problem kind (RFC 9457): one place builds it. */
export const problemType = (kind: ProblemKind): string => `https://factsheet.dev/problems/${kind}`;

export class FactsheetError extends Error {
  readonly title: string;
  readonly status: number;
  constructor(
    readonly kind: ProblemKind,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.title = PROBLEMS[kind].title;
    this.status = PROBLEMS[kind].status;
  }

  get field(): string | null {
    return this.errors[0]?.field ?? null;
  }

  /** Invalid input from a zod error, worded for people; `input` lets "is required" be told apart. */
  static fromZod(error: z.ZodError, input?: unknown, prefix = ''): FactsheetError {
    const errors = fieldErrors(error, input, prefix);
    return new FactsheetError('invalid-input', errors.map(sentence).join('; '), errors);
  }
}

/** A field error as one phrase that names its field ("text is required", "publishedAt: not a calendar date"). */
export const sentence = (e: FieldError): string =>
  e.field === '(body)' || e.message.startsWith(e.field) ? e.message : `${e.field}: ${e.message}`;

/** The line shape of a failure in JSON Lines output (CLI, batch, /v1/extract/batch). */
export interface LineError {
  id: string | null;
  error: { type: string; title: string; detail: string; field: string | null };
}

export function toLineError(id: string | null, e: FactsheetError): LineError {
  return { id, error: { type: problemType(e.kind), title: e.title, detail: e.message, field: e.field } };
}

/** Any thrown value as a FactsheetError (an unexpected one is an extraction failure, never a crash). */
export function asFactsheetError(e: unknown, kind: ProblemKind = 'extraction-failed'): FactsheetError {
  return e instanceof FactsheetError ? e : new FactsheetError(kind, e instanceof Error ? e.message : String(e));
}

const at = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (x, k) => (x !== null && typeof x === 'object' ? (x as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  );

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
};

/** zod issues as field errors in plain words ("text is required", not "expected string, received undefined"). */
export function fieldErrors(error: z.ZodError, input?: unknown, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = prefix + (issue.path.map(String).join('.') || '');
    const name = field || '(body)';
    const subject = field || 'the body';
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys)
          out.push({
            field: prefix + [...issue.path.map(String), key].join('.'),
            message: `${[...issue.path.map(String), key].join('.')} is not a known field`,
          });
        break;
      case 'invalid_type':
        out.push({
          field: name,
          message:
            at(input, issue.path) === undefined && field
              ? `${field} is required`
              : `${subject} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`,
        });
        break;
      case 'too_big':
        out.push({
          field: name,
          message:
            issue.origin === 'string'
              ? `${subject} is longer than ${issue.maximum} characters`
              : issue.origin === 'array'
                ? `${subject} has more than ${issue.maximum} items`
                : `${subject} must be at most ${issue.maximum}`,
        });
        break;
      case 'too_small':
        out.push({
          field: name,
          message:
            issue.origin === 'string'
              ? Number(issue.minimum) <= 1
                ? `${subject} is empty`
                : `${subject} is shorter than ${issue.minimum} characters`
              : issue.origin === 'array'
                ? `${subject} needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`
                : `${subject} must be at least ${issue.minimum}`,
        });
        break;
      case 'invalid_value':
        out.push({
          field: name,
          message: `${subject} must be one of ${issue.values.map((v) => String(v)).join(', ')}`,
        });
        break;
      case 'invalid_format':
        out.push({
          field: name,
          message: /^Invalid/.test(issue.message)
            ? `${subject} is not a valid ${issue.format === 'regex' ? 'value' : issue.format}`
            : issue.message,
        });
        break;
      default:
        // custom refinements carry our own wording; zod's generic "Invalid input" gets a field
        out.push({ field: name, message: /^Invalid/.test(issue.message) ? `${subject} is not valid` : issue.message });
    }
  }
  return out;
}
