// Builds the OpenAPI document from the zod schemas, so the contract cannot drift from the code.
// `npm run openapi` writes openapi.yaml; a test fails when the checked-in file is stale.
import { z } from 'zod';
import YAML from 'yaml';
import { FactSheet } from '../core/factsheet';
import { EXTRACTOR_VERSION } from '../core/version';
import { Problem } from './problem';
import { ExtractRequest } from './routes/extract';

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

export function buildOpenApi(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const s of [FactSheet, ExtractRequest, Problem]) registry.add(s, { id: (s.meta() as { id: string }).id });
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
            },
          },
          responses: {
            200: { description: 'The fact sheet', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/FactSheet' } } } },
            304: { description: 'Not modified (If-None-Match matched the ETag)' },
            400: problemResponse('Invalid JSON, wrong types, empty text, binary data, bad dates'),
            413: problemResponse('Body or text over the configured limit'),
            415: problemResponse('Content-Type is neither application/json nor text/plain'),
          },
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
