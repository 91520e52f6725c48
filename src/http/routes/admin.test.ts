import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';

let t: TestPlatform;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await signedInUser(t, 'audit-admin@example.org', [{ role: 'platform_admin' }]);
});
afterAll(() => t.close());

describe('GET /api/v1/audit-events.csv', () => {
  it('writes commas between cells by default and semicolons for French and Russian spreadsheets', async () => {
    const comma = await admin.get('/api/v1/audit-events.csv');
    expect(comma.statusCode).toBe(200);
    expect(comma.body.startsWith('\uFEFFat,actor,action,entity_type')).toBe(true);
    const semicolon = await admin.get('/api/v1/audit-events.csv?separator=semicolon');
    expect(semicolon.body.startsWith('\uFEFFat;actor;action;entity_type')).toBe(true);
    expect(semicolon.body.split('\n').length).toBe(comma.body.split('\n').length);
    const wrong = await admin.get('/api/v1/audit-events.csv?separator=tab');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('query.separator');
  });
});
