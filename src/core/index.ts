export { extract, InputError } from './extract';
export * from './factsheet';
export { EXTRACTOR_VERSION } from './version';
export { sourceOffset } from './document/clean';
