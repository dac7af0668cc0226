// The library entry point: the pure core.
export * from './core';
