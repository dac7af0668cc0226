// Runs in a worker thread of the queue worker's pool: extraction off the main thread, whose event
// loop must stay free to renew job locks (a blocked loop would make a long article look stalled).
import type { FactSheet } from '../core/factsheet';
import { extract } from '../core/extract';

export default function extractInThread(a: { text: string; publishedAt?: string; title?: string }): FactSheet {
  return extract(a.text, { publishedAt: a.publishedAt, title: a.title });
}
