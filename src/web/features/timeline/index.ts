/** What other features embed: a timeline of a partnership, an organisation or an area. */
export { Timeline } from './components/Timeline';
export type { TimelineSource } from './api/timeline';
