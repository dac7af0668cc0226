// A TIMEX3 value as a closed interval of calendar days, so events can be filtered by date range: the
// core's one table of periods (src/core/dates/interval.ts), shared with the timeline's sort.
export { timexInterval as timexRange } from '../core/dates/interval';
