/**
 * The scoring core's public API: pure functions over plain arrays (no storage, DOM or extension
 * APIs; `now` is always a parameter). Definitions: DESIGN.md "Scores"; thresholds: thresholds.ts.
 */
export * from './accumulator';
export * from './baseline';
export * from './benchmarks';
export * from './besttime';
export * from './cadence';
export * from './engagement';
export * from './interactions';
export * from './lift';
export * from './localtime';
export * from './maturity';
export * from './response';
export * from './series';
export * from './set-from-stats';
export * from './sov';
export * from './stats';
export * from './summary';
export * as thresholds from './thresholds';
export * from './trends';
export * from './velocity';
export * from './views';
export * from './virality';
