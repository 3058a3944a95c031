import fc from 'fast-check';
import 'fake-indexeddb/auto';
import './happy-dom-fixes';

// Property tests draw the same inputs on every run, so CI is deterministic; set FC_SEED to explore
// other inputs (any failure prints the seed and path that reproduce it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_122) });
