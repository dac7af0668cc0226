// Label Studio pre-annotation tasks (Basic Label Studio JSON: `data` + `predictions`), for the
// labeling config below (also in the README). Offsets are JavaScript string offsets, as Label
// Studio's text tags use.
import type { PartialFactSheet as FactSheet } from '../../core/factsheet';
import { ALL_LABELS, labeledSpans } from './labels';

export const LABEL_STUDIO_CONFIG = `<View>
  <Labels name="label" toName="text">
${ALL_LABELS.map((l) => `    <Label value="${l}"/>`).join('\n')}
  </Labels>
  <Relations>
    <Relation value="said by"/>
  </Relations>
  <Text name="text" value="$text"/>
</View>`;

export interface LabelStudioTask {
  data: { text: string; id: string | null; title: string | null; publishedAt: string | null };
  predictions: { model_version: string; result: Record<string, unknown>[] }[];
}

export function toLabelStudio(sheet: FactSheet & { id?: string | null }, text: string): LabelStudioTask {
  const { spans, links } = labeledSpans(sheet);
  const id = (key: string) => key.replace(/[^A-Za-z0-9]/g, '_');
  const result: Record<string, unknown>[] = spans.map((s) => ({
    id: id(s.key),
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value: { start: s.start, end: s.end, text: s.text, labels: [s.label] },
    // the region's note (canonical name, TIMEX3 value, figure value, quote kind): `evaluate` reads it back
    ...(s.note ? { meta: { text: [s.note] } } : {}),
  }));
  for (const l of links)
    result.push({
      type: 'relation',
      from_id: id(l.quote),
      to_id: id(l.speaker),
      direction: 'right',
      labels: ['said by'],
    });
  return {
    data: { text, id: sheet.id ?? null, title: sheet.title, publishedAt: sheet.publishedAt },
    predictions: [{ model_version: `factsheet ${sheet.extractorVersion}`, result }],
  };
}
