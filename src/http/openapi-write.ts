// Writes openapi.yaml at the project root (npm run openapi).
import fs from 'node:fs';
import path from 'node:path';
import { openApiYaml } from './openapi';

const file = path.resolve(__dirname, '../../openapi.yaml');
fs.writeFileSync(file, openApiYaml());
process.stdout.write(`wrote ${file}\n`);
