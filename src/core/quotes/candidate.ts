import type { Quote, Span } from '../factsheet';

/** A quote before its speaker is resolved to an entity. */
export interface QuoteCandidate extends Omit<Quote, 'id' | 'sentence' | 'speaker'> {
  /** the words naming the speaker in the attribution ("Okonjo", "the ministry", "he") */
  speakerSpan: Span | null;
  /** take the speaker of the previous statement ("adding that …", a continued paragraph) */
  sameSpeakerAsPrevious?: boolean;
  speaker?: Quote['speaker'];
}
