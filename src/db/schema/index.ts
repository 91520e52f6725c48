export * from './regions.js';
export * from './organisations.js';
