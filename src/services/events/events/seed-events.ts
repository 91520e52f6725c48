import demoEvents from '../../../reference/demo/events.json' with { type: 'json' };
import type { Repositories } from '../../../repositories/index.js';
import type { DelegationInput, EventInput } from '../../../shared/schemas/events/events.js';
import { checkDelegation } from './delegation.service.js';
import { checkEvent } from './event-input.js';

type DemoEvent = EventInput & {
  slug: string;
  status: 'draft' | 'published';
  delegations: DelegationInput[];
  links: string[];
};

/**
 * The founding story's events (src/reference/demo/events.json), checked by the same rules as the API's,
 * each with its delegations and its links from registry records; an event already there is left as it is.
 */
export async function seedDemoEvents(repos: Repositories): Promise<number> {
  let inserted = 0;
  for (const event of demoEvents.events as unknown as DemoEvent[]) {
    if (await repos.events.events.idBySlug(event.slug)) continue;
    const { slug, status, delegations, links, ...input } = event;
    const checked = await checkEvent(repos, input);
    const now = repos.clock.now();
    const { id } = await repos.events.events.insert({ ...checked.columns, status, createdBy: null }, now, slug);
    await repos.events.events.setOrganisers(
      id,
      checked.organisers.map((o) => ({ organisationId: o.organisation.id, role: o.role })),
    );
    for (const delegation of delegations) {
      const { columns, members } = await checkDelegation(repos, delegation);
      const delegationId = await repos.events.delegations.insert({ ...columns, eventId: id }, now);
      await repos.events.delegations.setMembers(delegationId, members);
    }
    // a registry record links to the event (record_links' target kind 'event'), when the record is loaded
    for (const recordSlug of links) {
      const record = await repos.recordAccess.find(recordSlug);
      if (record) await repos.recordParts.addLink(record.id, 'event', id, null, now);
    }
    inserted++;
  }
  return inserted;
}
