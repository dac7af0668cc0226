import fs from 'node:fs';
import path from 'node:path';
import { openApiYaml } from '../../src/http/openapi';

test('openapi.yaml is generated from the zod schemas and up to date (npm run openapi)', () => {
  const onDisk = fs.readFileSync(path.join(__dirname, '../../openapi.yaml'), 'utf8');
  expect(onDisk).toBe(openApiYaml());
});
