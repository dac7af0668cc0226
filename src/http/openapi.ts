// Builds the OpenAPI document from the zod schemas, so the contract cannot drift from the code.
// `npm run openapi` writes openapi.yaml; a test fails when the checked-in file is stale.
import { z } from 'zod';
import YAML from 'yaml';
import { FactSheet } from '../core/factsheet';
import { EXTRACTOR_VERSION } from '../core/version';
import { Problem } from './problem';
import { ExtractRequest } from './routes/extract';
import { ArticlesQuery, ConflictsQuery, EntitiesQuery, EventsQuery, FiguresQuery, QuotesQuery } from '../store/queries';
import { ArticleIngest, ArticleRecord, EventHit, FigureConflict, FigureHit, GlobalEntity, QuoteHit } from '../store/types';

/** A zod query object → OpenAPI query parameters. */
function queryParameters(schema: z.ZodType): Record<string, unknown>[] {
  const js = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: (js.required ?? []).includes(name), schema }));
}
const page = (ref: string) => ({ type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } }, nextCursor: { type: 'string', nullable: true } } });
const json = (schema: unknown, description = 'OK') => ({ description, content: { 'application/json': { schema } } });

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

export function buildOpenApi(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const s of [FactSheet, ExtractRequest, Problem, ArticleIngest, ArticleRecord, QuoteHit, FigureHit, EventHit, GlobalEntity, FigureConflict]) registry.add(s, { id: (s.meta() as { id: string }).id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) delete s.$schema;
  return {
    openapi: '3.0.3',
    info: {
      title: 'Factsheet API', version: EXTRACTOR_VERSION,
      description: 'Fact extraction for news text: entities, dates and dated events, quotes with speakers, figures. Every fact carries offsets into the input text and the rule that produced it.',
    },
    paths: {
      '/v1/extract': {
        post: {
          summary: 'Extract the fact sheet of one article',
          parameters: [
            { name: 'publishedAt', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'text/plain bodies only: publication date (YYYY-MM-DD)' },
            { name: 'title', in: 'query', required: false, schema: { type: 'string' }, description: 'text/plain bodies only' },
            { name: 'include', in: 'query', required: false, schema: { type: 'string' }, description: 'text/plain bodies only: comma-separated sections' },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/ExtractRequest' } },
              'text/plain': { schema: { type: 'string' } },
              'text/html': { schema: { type: 'string' }, description: 'a web page: the article text is extracted (Readability) and returned as `text`; title and date come from its metadata' },
            },
          },
          responses: {
            200: { description: 'The fact sheet', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/FactSheet' } } } },
            304: { description: 'Not modified (If-None-Match matched the ETag)' },
            400: problemResponse('Invalid JSON, wrong types, empty text, binary data, bad dates'),
            413: problemResponse('Body or text over the configured limit'),
            415: problemResponse('Content-Type is not application/json, text/plain or text/html'),
          },
        },
      },
      '/v1/extract/batch': {
        post: {
          summary: 'NDJSON in ({id?, text, publishedAt?, title?} per line), NDJSON fact sheets out, streamed in order; a bad line yields {id, error}',
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
          responses: {
            200: { description: 'One JSON object per line, in input order', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
            400: problemResponse('No lines'), 413: problemResponse('More lines than FACTSHEET_BATCH_MAX_LINES, or body too large'), 415: problemResponse('Not NDJSON'),
          },
        },
      },
      '/v1/articles': {
        post: {
          summary: 'Store an article and its fact sheet (idempotent by id and text; new text makes a new version)',
          parameters: [{ name: 'async', in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] },
            description: 'true: queue the article for a worker and answer 202 with a job id (needs FACTSHEET_REDIS_URL)' }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ArticleIngest' } } } },
          responses: {
            200: json({ type: 'object', properties: { outcome: { type: 'string', enum: ['unchanged'] }, article: { $ref: '#/components/schemas/ArticleRecord' } } }, 'Unchanged: this id already has this text'),
            201: json({ type: 'object', properties: { outcome: { type: 'string', enum: ['created', 'new-version'] }, article: { $ref: '#/components/schemas/ArticleRecord' } } }, 'Stored'),
            202: json({ type: 'object', properties: { jobId: { type: 'string' } } }, 'Queued (async=true): see /v1/jobs/{id}'),
            400: problemResponse('Invalid input'), 415: problemResponse('Not JSON'), 503: problemResponse('async=true without a job queue'),
          },
        },
        get: { summary: 'Articles by full text, entity and publication date', parameters: queryParameters(ArticlesQuery), responses: { 200: json(page('ArticleRecord')), 400: problemResponse('Bad filter') } },
      },
      '/v1/jobs/{id}': {
        get: {
          summary: 'An ingest job: its state, and when completed the stored article id, version and outcome',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: json({ type: 'object', required: ['id', 'state', 'attempts'], properties: {
              id: { type: 'string' }, state: { type: 'string', enum: ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children', 'unknown'] },
              attempts: { type: 'integer' }, error: { type: 'string' }, articleId: { type: 'string' }, version: { type: 'integer' },
              outcome: { type: 'string', enum: ['created', 'new-version', 'unchanged'] } } }),
            404: problemResponse('No such job'), 503: problemResponse('No job queue configured'),
          },
        },
      },
      '/v1/articles/{id}': {
        get: {
          summary: 'One article: newest version, or ?version=N',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'version', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
          responses: { 200: json({ type: 'object', properties: { article: { $ref: '#/components/schemas/ArticleRecord' }, text: { type: 'string' }, sheet: { $ref: '#/components/schemas/FactSheet' } } }), 404: problemResponse('No such article or version') },
        },
      },
      '/v1/quotes': { get: { summary: 'Statements across articles: by speaker (name or alias), entity mentioned in the sentence, words, date', parameters: queryParameters(QuotesQuery), responses: { 200: json(page('QuoteHit')), 400: problemResponse('Bad filter') } } },
      '/v1/figures': { get: { summary: 'Figures across articles: by subject, kind, unit, value range, date', parameters: queryParameters(FiguresQuery), responses: { 200: json(page('FigureHit')), 400: problemResponse('Bad filter') } } },
      '/v1/figures/conflicts': { get: { summary: 'Figures about one subject whose values disagree across articles beyond their approximation', parameters: queryParameters(ConflictsQuery), responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/FigureConflict' } } } }) } } },
      '/v1/events': { get: { summary: 'A cross-article timeline, sorted by event date', parameters: queryParameters(EventsQuery), responses: { 200: json(page('EventHit')), 400: problemResponse('Bad filter') } } },
      '/v1/entities': { get: { summary: 'Entities merged across articles', parameters: queryParameters(EntitiesQuery), responses: { 200: json(page('GlobalEntity')), 400: problemResponse('Bad filter') } } },
      '/v1/entities/{id}': {
        get: {
          summary: 'One entity with its quotes, events and figures across articles',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: { 200: json({ type: 'object', properties: { entity: { $ref: '#/components/schemas/GlobalEntity' }, quotes: page('QuoteHit'), events: page('EventHit'), figures: page('FigureHit') } }), 404: problemResponse('No such entity') },
        },
      },
      '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string' }, extractorVersion: { type: 'string' } } } } } } } } },
      '/openapi.yaml': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3 YAML' } } } },
      '/docs': { get: { summary: 'Human-readable API documentation', responses: { 200: { description: 'HTML' } } } },
    },
    components: { schemas },
  };
}

export const openApiYaml = (): string => YAML.stringify(buildOpenApi(), { aliasDuplicateObjects: false });
