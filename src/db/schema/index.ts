export * from './regions.js';
export * from './organisations.js';
export * from './accounts.js';
export * from './workflow.js';
export * from './glossary.js';
export * from './messaging.js';
