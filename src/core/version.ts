// Bumped whenever extraction output can change: cached and stored sheets record it.
export const EXTRACTOR_VERSION = '0.1.0';
