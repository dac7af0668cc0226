// Builds the OpenAPI 3.1 document from the zod schemas, so the contract cannot drift from the code.
// `npm run openapi` writes openapi.yaml; tests validate it and fail when the checked-in file is stale.
// Every schema with a zod id (`.meta({ id })`) becomes a named component referenced by $ref; zod's
// JSON Schema output is adapted to OpenAPI in one place (componentSchemas / clean).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import YAML from 'yaml';
import { defaultConfig, type Config } from '../config';
import { FactSheet, PartialFactSheet } from '../core/factsheet';
import { EXTRACTOR_VERSION } from '../core/version';
import { PROBLEMS, problemType, type ProblemKind } from '../errors';
import { ExtractQuery, ExtractRequest } from '../input/article';
import { Problem } from './problem';
import {
  ArticlesQuery,
  ConflictsQuery,
  EntitiesQuery,
  EventsQuery,
  FiguresQuery,
  IngestQuery,
  QuotesQuery,
  VersionQuery,
} from '../store/queries';
import {
  ArticleIngest,
  ArticleRecord,
  EventHit,
  FigureConflict,
  FigureHit,
  GlobalEntity,
  QuoteHit,
} from '../store/types';

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const COMPONENT_PREFIX = '#/components/schemas/';

/** zod's JSON Schema → OpenAPI 3.1: no $schema / $id, no nested $defs, no ±2^53 noise. */
function clean(node: unknown, hoist: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => clean(n, hoist));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$schema' || k === '$id') continue;
    if (k === '$defs' || k === 'definitions') {
      for (const [name, def] of Object.entries(v as Json)) hoist[name] = clean(def, hoist);
      continue;
    }
    if ((k === 'maximum' && v === Number.MAX_SAFE_INTEGER) || (k === 'minimum' && v === Number.MIN_SAFE_INTEGER))
      continue;
    if (k === '$ref' && typeof v === 'string') {
      out[k] = v.replace(/^#\/(?:\$defs|definitions)\//, COMPONENT_PREFIX);
      continue;
    }
    out[k] = clean(v, hoist);
  }
  return out;
}

/** Every zod schema with an id, as named components (the core's facts, the store's hits, Problem…). */
function componentSchemas(): Json {
  // the schemas this document names must be registered even if nothing else imported them
  void [
    FactSheet,
    PartialFactSheet,
    ExtractRequest,
    Problem,
    ArticleIngest,
    ArticleRecord,
    QuoteHit,
    FigureHit,
    EventHit,
    GlobalEntity,
    FigureConflict,
  ];
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
    io: 'output',
    unrepresentable: 'any',
  }) as { schemas: Json };
  const hoist: Json = {};
  const out = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, clean(s, hoist)]));
  return { ...hoist, ...out };
}

/** A zod query object → OpenAPI query parameters (descriptions from the schema). */
function queryParameters(schema: z.ZodType): Json[] {
  const hoist: Json = {};
  const js = clean(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }), hoist) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: 'query',
      required: (js.required ?? []).includes(name),
      schema: rest,
      ...(description ? { description } : {}),
    };
  });
}

const pageSchema = (item: string) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  additionalProperties: false,
  properties: {
    items: { type: 'array', items: ref(item) },
    nextCursor: {
      type: ['string', 'null'],
      description: 'opaque; pass it back with the same filters for the next page',
    },
  },
});
const json = (schema: unknown, description = 'OK', example?: unknown) => ({
  description,
  content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
});

/** Problem responses, one per kind; operations list the ones they can return. */
const RESPONSE_NAMES: Partial<Record<ProblemKind, string>> = {
  'invalid-input': 'BadRequest',
  unauthorized: 'Unauthorized',
  'not-found': 'NotFound',
  'text-too-large': 'PayloadTooLarge',
  'unsupported-media-type': 'UnsupportedMediaType',
  'too-many-requests': 'TooManyRequests',
  'internal-error': 'InternalError',
  overloaded: 'ServiceUnavailable',
  timeout: 'TimedOut',
};
const PROBLEM_EXAMPLES: Record<
  string,
  { kind: ProblemKind; detail: string; instance: string; errors?: { field: string; message: string }[] }
> = {
  BadRequest: {
    kind: 'invalid-input',
    detail: 'publishedAt: not a calendar date',
    instance: '/v1/extract',
    errors: [{ field: 'publishedAt', message: 'not a calendar date' }],
  },
  Unauthorized: {
    kind: 'unauthorized',
    detail: 'this route needs an API key (Authorization: Bearer KEY or X-API-Key)',
    instance: '/v1/articles',
    errors: [{ field: 'Authorization', message: 'missing' }],
  },
  TooManyRequests: {
    kind: 'too-many-requests',
    detail: 'more than 120 requests a minute (FACTSHEET_RATE_LIMIT)',
    instance: '/v1/extract',
  },
  ServiceUnavailable: {
    kind: 'overloaded',
    detail: 'every extraction worker is busy and the queue is full; retry later',
    instance: '/v1/extract',
    errors: [{ field: '(request)', message: 'queue full' }],
  },
  TimedOut: {
    kind: 'timeout',
    detail: 'the extraction did not finish within its deadline',
    instance: '/v1/extract',
  },
  NotFound: {
    kind: 'not-found',
    detail: 'no article seed version 9',
    instance: '/v1/articles/seed?version=9',
    errors: [{ field: 'version', message: 'not found' }],
  },
  PayloadTooLarge: {
    kind: 'text-too-large',
    detail: 'text is 231001 characters; the limit is 200000',
    instance: '/v1/extract',
    errors: [{ field: 'text', message: 'longer than 200000 characters' }],
  },
  UnsupportedMediaType: {
    kind: 'unsupported-media-type',
    detail: 'send application/json, text/plain or text/html, not application/xml',
    instance: '/v1/extract',
    errors: [{ field: 'Content-Type', message: 'expected application/json, text/plain or text/html' }],
  },
  InternalError: {
    kind: 'internal-error',
    detail: 'the server failed to handle this request',
    instance: '/v1/extract',
  },
};
const DESCRIPTIONS: Record<string, string> = {
  BadRequest:
    'Invalid input: errors[] names each bad field or parameter (wrong type, unknown field, empty text, binary data, impossible date, foreign cursor)',
  Unauthorized: 'No or an unknown API key (only when the server is configured with FACTSHEET_API_KEYS)',
  NotFound: 'No such resource',
  PayloadTooLarge:
    'The body (FACTSHEET_MAX_BODY_BYTES), the text (FACTSHEET_MAX_TEXT_CHARS) or the batch (FACTSHEET_BATCH_MAX_LINES) is over its limit; detail says which limit',
  UnsupportedMediaType: 'The Content-Type is not one this route reads; detail says which to send',
  InternalError: 'An unexpected failure (logged with the request id)',
  TooManyRequests:
    'Over the rate limit (only when the server is configured with FACTSHEET_RATE_LIMIT); see the RateLimit headers',
  ServiceUnavailable:
    'The extraction workers are busy and their queue is full (retry after Retry-After), or, for asynchronous ingest and jobs, no job queue is configured (FACTSHEET_REDIS_URL)',
  TimedOut: 'The extraction did not finish within the configured deadline',
};

function problemResponses(): Json {
  return Object.fromEntries(
    Object.values(RESPONSE_NAMES).map((name) => {
      const e = PROBLEM_EXAMPLES[name!];
      const example = {
        type: problemType(e.kind),
        title: PROBLEMS[e.kind].title,
        status: PROBLEMS[e.kind].status,
        detail: e.detail,
        instance: e.instance,
        ...(e.errors ? { errors: e.errors } : {}),
      };
      return [
        name,
        {
          description: DESCRIPTIONS[name!],
          content: { 'application/problem+json': { schema: ref('Problem'), example } },
        },
      ];
    }),
  );
}
const problems = (...names: string[]) =>
  Object.fromEntries(
    names.map((n) => {
      const status = PROBLEMS[PROBLEM_EXAMPLES[n].kind].status;
      return [String(status), { $ref: `#/components/responses/${n}` }];
    }),
  );

/** A small hand-written sheet (not the extractor's output, so rule changes do not change the contract). */
export function exampleSheet(): z.infer<typeof FactSheet> {
  const text = '“We are ready,” said Grace Wanjiru on Thursday.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  return {
    extractorVersion: EXTRACTOR_VERSION,
    publishedAt: '2025-07-04',
    title: null,
    document: {
      length: text.length,
      blocks: [{ type: 'paragraph', start: 0, end: text.length }],
      sentences: [{ start: 0, end: text.length, block: 0 }],
    },
    boilerplate: [],
    entities: [
      {
        id: 'E1',
        name: 'Grace Wanjiru',
        type: 'person',
        aliases: [],
        roles: [],
        salience: 1,
        mentions: [{ ...at('Grace Wanjiru'), rule: 'name-run/compromise', sentence: 0 }],
      },
    ],
    dates: [
      {
        id: 'D1',
        ...at('Thursday'),
        type: 'date',
        value: '2025-07-03',
        approximate: false,
        relative: true,
        rule: 'weekday',
        sentence: 0,
      },
    ],
    events: [],
    timeline: [],
    quotes: [
      {
        id: 'Q1',
        ...at('We are ready'),
        kind: 'direct',
        speaker: {
          name: 'Grace Wanjiru',
          entityId: 'E1',
          ...at('Grace Wanjiru'),
          kind: 'entity',
          mention: at('Grace Wanjiru'),
        },
        cue: at('said'),
        rule: 'quote-then-verb',
        sentence: 0,
      },
    ],
    figures: [],
  };
}

/** Component schemas no path reaches (zod ids of internal schemas) are left out. */
function pruneUnused(doc: Json): Json {
  const components = doc.components as { schemas: Json };
  const used = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_PREFIX)) {
        const name = v.slice(COMPONENT_PREFIX.length);
        if (!used.has(name)) {
          used.add(name);
          walk(components.schemas[name]);
        }
      } else walk(v);
    }
  };
  walk({ ...doc, components: { ...components, schemas: {} } });
  components.schemas = Object.fromEntries(Object.entries(components.schemas).filter(([name]) => used.has(name)));
  return doc;
}

export function buildOpenApi(config: Config = defaultConfig()): Json {
  return pruneUnused(document(config));
}

function document(config: Config): Json {
  const seed = fs.readFileSync(path.resolve(__dirname, '../../data/samples/seed-article.txt'), 'utf8');
  const sheet = exampleSheet();
  const read = (id: string, summary: string, parameters: Json[], ok: Json, ...errors: string[]) => ({
    get: {
      operationId: id,
      tags: ['store'],
      summary,
      security: [],
      parameters,
      responses: { 200: ok, ...problems(...errors, 'TooManyRequests', 'InternalError') },
    },
  });
  const extraction = ['TooManyRequests', 'InternalError', 'ServiceUnavailable', 'TimedOut'];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Factsheet API',
      version: EXTRACTOR_VERSION,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Fact extraction for news text: entities, dates and dated events, quotes with speakers, figures. Every fact carries offsets into the input text and the rule that produced it. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: config.publicUrl }],
    tags: [
      { name: 'extract', description: 'Fact sheets of articles, nothing stored' },
      { name: 'store', description: 'Stored articles and facts across them' },
      { name: 'service', description: 'Health, this document and its documentation page' },
    ],
    paths: {
      '/v1/extract': {
        post: {
          operationId: 'extract',
          tags: ['extract'],
          security: [],
          summary: 'Extract the fact sheet of one article',
          description:
            'A JSON body carries the options; a text/plain or text/html body takes them as query parameters (a JSON body with query options is a 400). A text/html page or fragment: the article text is extracted (Readability) and returned as `text`; title and date come from its metadata.',
          parameters: queryParameters(ExtractQuery).map((p) => ({
            ...p,
            description: `text/plain and text/html bodies only${p.description ? `: ${p.description}` : ''}`,
          })),
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('ExtractRequest'), example: { text: seed, publishedAt: '2025-07-04' } },
              'text/plain': { schema: { type: 'string' }, example: seed },
              'text/html': { schema: { type: 'string' }, example: '<p>The port of Mombasa reopened on Thursday.</p>' },
            },
          },
          responses: {
            200: {
              description: 'The fact sheet (with `include`, only the sections asked for and those they refer to)',
              headers: {
                ETag: { schema: { type: 'string' } },
                'X-Cache': { schema: { type: 'string', enum: ['hit', 'miss'] } },
              },
              content: { 'application/json': { schema: ref('PartialFactSheet'), example: sheet } },
            },
            304: { description: 'Not modified (If-None-Match matched the ETag)' },
            ...problems('BadRequest', 'PayloadTooLarge', 'UnsupportedMediaType', ...extraction),
          },
        },
      },
      '/v1/extract/batch': {
        post: {
          operationId: 'extractBatch',
          tags: ['extract'],
          security: [],
          summary: 'Fact sheets of many articles: NDJSON in, NDJSON out, streamed in input order',
          description:
            'One article per line ({id?, text, publishedAt?, title?, include?}); a bad line yields {id, error} and the others go on.',
          requestBody: {
            required: true,
            content: {
              'application/x-ndjson': {
                schema: { type: 'string' },
                example: `${JSON.stringify({ id: 'a', text: 'Exports rose 12% in 2024.' })}\n`,
              },
            },
          },
          responses: {
            200: {
              description: 'One JSON object per line, in input order: a fact sheet or {id, error}',
              content: { 'application/x-ndjson': { schema: { type: 'string' } } },
            },
            ...problems('BadRequest', 'PayloadTooLarge', 'UnsupportedMediaType', ...extraction),
          },
        },
      },
      '/v1/articles': {
        post: {
          operationId: 'ingestArticle',
          tags: ['store'],
          summary: 'Store an article and its fact sheet (idempotent by id and text; new text makes a new version)',
          description:
            'A JSON body, or a text/plain body with the other fields as query parameters. The text limit is the one of /v1/extract.',
          security: [{ BearerAuth: [] }, { ApiKey: [] }],
          parameters: [
            {
              name: 'async',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['true', 'false'] },
              description:
                'true: queue the article for a worker and answer 202 with a job id (JSON bodies; needs FACTSHEET_REDIS_URL)',
            },
            ...queryParameters(IngestQuery).map((p) => ({ ...p, description: 'text/plain bodies only' })),
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: ref('ArticleIngest'),
                example: {
                  id: 'seed',
                  title: 'Russia recognises the Taliban government',
                  publishedAt: '2025-07-04',
                  text: seed,
                },
              },
              'text/plain': { schema: { type: 'string' }, example: seed },
            },
          },
          responses: {
            200: json(ref('IngestResult'), 'Unchanged: this id already has this text'),
            201: {
              ...json(ref('IngestResult'), 'Stored: a new article or a new version'),
              headers: { Location: { schema: { type: 'string' } } },
            },
            202: {
              ...json(ref('JobAccepted'), 'Queued (async=true): follow Location, /v1/jobs/{id}'),
              headers: { Location: { schema: { type: 'string' } } },
            },
            ...problems('BadRequest', 'Unauthorized', 'PayloadTooLarge', 'UnsupportedMediaType', ...extraction),
          },
        },
        ...read(
          'listArticles',
          'Articles by full text, entity and publication date',
          queryParameters(ArticlesQuery),
          json(ref('ArticlePage')),
          'BadRequest',
        ),
      },
      '/v1/articles/{id}': read(
        'getArticle',
        'One article: newest version, or ?version=N, with its text and sheet',
        [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(VersionQuery)],
        json(ref('ArticleDetail')),
        'BadRequest',
        'NotFound',
      ),
      '/v1/quotes': read(
        'listQuotes',
        'Statements across articles: by speaker (name or alias), entity mentioned in the sentence, words, date',
        queryParameters(QuotesQuery),
        json(ref('QuotePage')),
        'BadRequest',
      ),
      '/v1/figures': read(
        'listFigures',
        'Figures across articles: by subject, kind, unit, value range, date',
        queryParameters(FiguresQuery),
        json(ref('FigurePage')),
        'BadRequest',
      ),
      '/v1/figures/conflicts': read(
        'listFigureConflicts',
        'Figures about one subject whose values disagree across articles beyond their approximation',
        queryParameters(ConflictsQuery),
        json(ref('FigureConflictList')),
        'BadRequest',
      ),
      '/v1/events': read(
        'listEvents',
        'A cross-article timeline, sorted by event date',
        queryParameters(EventsQuery),
        json(ref('EventPage')),
        'BadRequest',
      ),
      '/v1/entities': read(
        'listEntities',
        'Entities merged across articles',
        queryParameters(EntitiesQuery),
        json(ref('EntityPage')),
        'BadRequest',
      ),
      '/v1/entities/{id}': read(
        'getEntity',
        'One entity with its quotes, events and figures across articles',
        [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        json(ref('EntityDetail')),
        'BadRequest',
        'NotFound',
      ),
      '/v1/jobs/{id}': read(
        'getJob',
        'An asynchronous ingest job: its state and, once completed, the stored article id, version and outcome',
        [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        json(ref('Job')),
        'NotFound',
        'ServiceUnavailable',
      ),
      '/readyz': {
        get: {
          operationId: 'readiness',
          tags: ['service'],
          security: [],
          summary: 'Readiness: accepting requests, workers up, room in the queue (503 with Retry-After when not)',
          responses: { 200: json(ref('Readiness'), 'Ready'), 503: json(ref('Readiness'), 'Not ready') },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          tags: ['service'],
          security: [],
          summary: 'Prometheus metrics',
          responses: {
            200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          tags: ['service'],
          security: [],
          summary: 'Liveness',
          responses: { 200: json(ref('Health'), 'OK', { status: 'ok', extractorVersion: EXTRACTOR_VERSION }) },
        },
      },
      '/openapi.yaml': {
        get: {
          operationId: 'getOpenApi',
          tags: ['service'],
          security: [],
          summary: 'This document',
          responses: {
            200: { description: 'OpenAPI 3.1 YAML', content: { 'application/yaml': { schema: { type: 'string' } } } },
          },
        },
      },
      '/docs': {
        get: {
          operationId: 'getDocs',
          tags: ['service'],
          security: [],
          summary: 'Human-readable API documentation (Swagger UI)',
          responses: { 200: { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
    },
    components: {
      schemas: {
        ...componentSchemas(),
        ArticlePage: pageSchema('ArticleRecord'),
        QuotePage: pageSchema('QuoteHit'),
        FigurePage: pageSchema('FigureHit'),
        EventPage: pageSchema('EventHit'),
        EntityPage: pageSchema('GlobalEntity'),
        FigureConflictList: {
          type: 'object',
          required: ['items'],
          properties: { items: { type: 'array', items: ref('FigureConflict') } },
        },
        IngestResult: {
          type: 'object',
          required: ['outcome', 'article'],
          properties: {
            outcome: { type: 'string', enum: ['created', 'new-version', 'unchanged'] },
            article: ref('ArticleRecord'),
          },
        },
        JobAccepted: { type: 'object', required: ['jobId'], properties: { jobId: { type: 'string' } } },
        Job: {
          type: 'object',
          required: ['id', 'state', 'attempts'],
          properties: {
            id: { type: 'string' },
            state: {
              type: 'string',
              enum: [
                'waiting',
                'active',
                'delayed',
                'prioritized',
                'completed',
                'failed',
                'waiting-children',
                'unknown',
              ],
            },
            attempts: { type: 'integer' },
            error: { type: 'string' },
            articleId: { type: 'string' },
            version: { type: 'integer' },
            outcome: { type: 'string', enum: ['created', 'new-version', 'unchanged'] },
          },
        },
        Readiness: {
          type: 'object',
          required: ['status', 'checks'],
          properties: {
            status: { type: 'string', enum: ['ready', 'not ready'] },
            checks: { type: 'object', additionalProperties: { type: ['boolean', 'null'] } },
            queue: {
              type: 'object',
              properties: { queued: { type: 'integer' }, running: { type: 'integer' }, max: { type: 'integer' } },
            },
          },
        },
        ArticleDetail: {
          type: 'object',
          required: ['article', 'text', 'sheet'],
          properties: { article: ref('ArticleRecord'), text: { type: 'string' }, sheet: ref('FactSheet') },
        },
        EntityDetail: {
          type: 'object',
          required: ['entity', 'quotes', 'events', 'figures'],
          properties: {
            entity: ref('GlobalEntity'),
            quotes: ref('QuotePage'),
            events: ref('EventPage'),
            figures: ref('FigurePage'),
          },
        },
        Health: {
          type: 'object',
          required: ['status', 'extractorVersion'],
          properties: { status: { type: 'string' }, extractorVersion: { type: 'string' } },
        },
      },
      responses: problemResponses(),
      securitySchemes: {
        BearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key as `Authorization: Bearer KEY`: needed on write routes when the server is configured with FACTSHEET_API_KEYS',
        },
        ApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'The same key in the X-API-Key header instead',
        },
      },
    },
  };
}

export const openApiYaml = (config?: Config): string =>
  YAML.stringify(buildOpenApi(config), { aliasDuplicateObjects: false, lineWidth: 0 });
