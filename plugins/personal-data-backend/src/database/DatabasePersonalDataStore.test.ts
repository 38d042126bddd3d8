import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  DatabasePersonalDataStore,
  RETENTION_ACTOR,
} from './DatabasePersonalDataStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const NOW = new Date('2027-03-01T10:00:00.000Z');
const PLUGINS = ['peer-directory', 'assignments', 'evaluation'];
const POLICY = {
  interestNotFollowedUpMonths: 12,
  rsvpNeedsAfterMeetingDays: 30,
  leftNetworkMonths: 24,
  erasureRecordsMonths: 36,
};

describe.each(databases.eachSupportedId())(
  'DatabasePersonalDataStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabasePersonalDataStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }
    const ask = (store: DatabasePersonalDataStore, name: string, now = NOW) =>
      store.createRequest({
        userRef: `user:default/${name}`,
        displayName: name,
        now,
      });

    it('takes one open request per person, even when five arrive at once', async () => {
      const { store } = await createStore();
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => ask(store, 'asa')),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      expect(refused).toHaveLength(4);
      expect(refused.every(r => r.reason.name === 'ConflictError')).toBe(true);
      const own = await store.listOwn('user:default/asa');
      expect(own).toEqual([
        expect.objectContaining({
          status: 'pending',
          origin: 'person',
          requestedAt: NOW.toISOString(),
          steps: [],
        }),
      ]);
      // Someone else may ask at the same time.
      await expect(ask(store, 'omar')).resolves.toMatchObject({
        status: 'pending',
      });
    });

    it('confirms a pending request once, with a step per plugin and a pseudonym, however many coordinators press at once', async () => {
      const { store, knex } = await createStore();
      const request = await ask(store, 'asa');
      const results = await Promise.allSettled(
        ['mia', 'karin', 'mia'].map(by =>
          store.confirm(request.id, `user:default/${by}`, PLUGINS, NOW),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const confirmed = (await store.getRequest(request.id))!;
      expect(confirmed.status).toBe('in-progress');
      expect(confirmed.steps.map(s => [s.pluginId, s.status])).toEqual([
        ['peer-directory', 'pending'],
        ['assignments', 'pending'],
        ['evaluation', 'pending'],
      ]);
      const [row] = await knex('pdata_erasure_requests').where({
        id: request.id,
      });
      expect(row.pseudonym).toMatch(/^user:erased\/[0-9a-f-]{36}$/);
      await expect(
        store.reject(request.id, 'user:default/mia', 'nej', NOW),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        store.confirm(
          '00000000-0000-4000-8000-000000000000',
          'user:default/mia',
          PLUGINS,
          NOW,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      // A new request can follow a rejected one.
      const other = await ask(store, 'omar');
      const rejected = await store.reject(
        other.id,
        'user:default/mia',
        'Uppgifterna behövs för en pågående utbetalning',
        NOW,
      );
      expect(rejected).toMatchObject({
        status: 'rejected',
        rejectReason: 'Uppgifterna behövs för en pågående utbetalning',
        decidedBy: 'user:default/mia',
      });
      await expect(ask(store, 'omar')).resolves.toMatchObject({
        status: 'pending',
      });
    });

    it('lets one run at a time hold a request, resumes a stopped run where it stopped, and forgets the pseudonym when done', async () => {
      const { store, knex } = await createStore();
      const { id } = await ask(store, 'asa');
      await store.confirm(id, 'user:default/mia', PLUGINS, NOW);

      const first = await store.claim(id, NOW, 60_000);
      expect(first?.userRef).toBe('user:default/asa');
      expect(first?.pseudonym).toMatch(/^user:erased\//);
      // Another replica finds it held.
      expect(await store.claim(id, NOW, 60_000)).toBeUndefined();
      expect(await store.resumable(NOW)).toEqual([]);

      await store.stepDone(
        id,
        'peer-directory',
        { erased: 5, anonymised: 0, kept: [] },
        NOW,
      );
      await store.stepFailed(id, 'assignments', 'connect ECONNREFUSED', NOW);
      const stopped = await store.finishRun(id, NOW);
      expect(stopped.status).toBe('in-progress');
      expect(stopped.lastError).toBe('assignments: connect ECONNREFUSED');
      expect(stopped.steps.map(s => s.status)).toEqual([
        'done',
        'failed',
        'pending',
      ]);
      expect(await store.resumable(NOW)).toEqual([id]);

      // A run that died without finishing is taken over once its lease ends.
      const second = await store.claim(id, NOW, 60_000);
      expect(second?.pseudonym).toBe(first?.pseudonym);
      expect(second?.steps.map(s => s.status)).toEqual([
        'done',
        'failed',
        'pending',
      ]);
      expect(
        await store.claim(id, new Date(NOW.getTime() + 61_000), 60_000),
      ).toBeDefined();

      const kept = [{ what: '1 honoraria', reason: 'Bookkeeping' }];
      await store.stepDone(
        id,
        'assignments',
        { erased: 2, anonymised: 3, kept },
        NOW,
      );
      await store.stepDone(
        id,
        'evaluation',
        { erased: 0, anonymised: 4, kept: [] },
        NOW,
      );
      const done = await store.finishRun(id, NOW);
      expect(done).toMatchObject({
        status: 'completed',
        completedAt: NOW.toISOString(),
        attempts: 3,
      });
      expect(done.lastError).toBeUndefined();
      expect(done.steps[1]).toMatchObject({
        status: 'done',
        report: { erased: 2, anonymised: 3, kept },
        attempts: 2,
      });
      const [row] = await knex('pdata_erasure_requests').where({ id });
      expect(row.pseudonym).toBeNull();
      expect(await store.claim(id, NOW, 60_000)).toBeUndefined();
    });

    it('makes a confirmed request for the retention rules, or confirms the person’s own pending one', async () => {
      const { store } = await createStore();
      const made = await store.createRetentionRequest({
        userRef: 'user:default/leaver',
        displayName: 'Leaver',
        plugins: PLUGINS,
        now: NOW,
      });
      expect(made).toMatchObject({
        origin: 'retention',
        status: 'in-progress',
        decidedBy: RETENTION_ACTOR,
      });
      expect(made.steps).toHaveLength(3);
      const again = await store.createRetentionRequest({
        userRef: 'user:default/leaver',
        displayName: 'Leaver',
        plugins: PLUGINS,
        now: NOW,
      });
      expect(again.id).toBe(made.id);

      const pending = await ask(store, 'asa');
      const taken = await store.createRetentionRequest({
        userRef: 'user:default/asa',
        displayName: 'asa',
        plugins: PLUGINS,
        now: NOW,
      });
      expect(taken).toMatchObject({
        id: pending.id,
        origin: 'person',
        status: 'in-progress',
        decidedBy: RETENTION_ACTOR,
      });
    });

    it('lists requests newest first, by status and period, a keyset page at a time', async () => {
      const { store } = await createStore();
      for (let i = 0; i < 7; i++) {
        await ask(
          store,
          `person-${i}`,
          new Date(NOW.getTime() - i * 24 * 3600_000),
        );
      }
      // Two on the same instant, to page through a tie.
      await ask(store, 'tie-a', new Date(NOW.getTime() - 3 * 24 * 3600_000));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listRequests({
          since: '2000-01-01T00:00:00.000Z',
          limit: 3,
          cursor,
        });
        seen.push(...page.items.map(r => r.requestedAt));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(8);
      expect([...seen].sort().reverse()).toEqual(seen);

      const recent = await store.listRequests({
        since: new Date(NOW.getTime() - 2.5 * 24 * 3600_000).toISOString(),
        limit: 100,
      });
      expect(recent.items).toHaveLength(3);
      const first = recent.items[0];
      await store.reject(first.id, 'user:default/mia', 'Nej', NOW);
      const rejected = await store.listRequests({
        since: '2000-01-01T00:00:00.000Z',
        status: 'rejected',
        limit: 100,
      });
      expect(rejected.items.map(r => r.id)).toEqual([first.id]);
      await expect(
        store.listRequests({
          since: '2000-01-01T00:00:00.000Z',
          limit: 3,
          cursor: 'not-a-cursor',
        }),
      ).rejects.toMatchObject({ name: 'InputError' });
    });

    it('lets a person withdraw their own pending request, and nobody else’s or a decided one', async () => {
      const { store } = await createStore();
      const mine = await ask(store, 'omar', NOW);
      await expect(
        store.withdraw(mine.id, 'user:default/asa', NOW),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      const withdrawn = await store.withdraw(
        mine.id,
        'user:default/omar',
        new Date('2027-03-02T10:00:00.000Z'),
      );
      expect(withdrawn).toMatchObject({
        status: 'withdrawn',
        decidedBy: 'user:default/omar',
        decidedAt: '2027-03-02T10:00:00.000Z',
      });
      await expect(
        store.withdraw(mine.id, 'user:default/omar', NOW),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // No longer open: the person may ask again, and nobody can confirm it.
      expect(await store.openRequestOf('user:default/omar')).toBeUndefined();
      await expect(
        store.confirm(mine.id, 'user:default/mia', ['x'], NOW),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const again = await ask(store, 'omar', NOW);
      expect(again.status).toBe('pending');
      // Past the records' period it goes like a rejected one.
      expect(
        await store.removeFinishedBefore(new Date('2027-03-03T10:00:00.000Z')),
      ).toBe(1);
      expect(await store.getRequest(mine.id)).toBeUndefined();
      expect(await store.getRequest(again.id)).toBeDefined();
    });

    it('removes finished requests past their period, to the day, and never open ones', async () => {
      const { store } = await createStore();
      const old = await ask(store, 'old', new Date('2023-01-01T00:00:00Z'));
      await store.reject(
        old.id,
        'user:default/mia',
        'Nej',
        new Date('2023-06-01T00:00:00Z'),
      );
      const done = await ask(store, 'done', new Date('2023-01-01T00:00:00Z'));
      await store.confirm(
        done.id,
        'user:default/mia',
        ['x'],
        new Date('2024-01-01T00:00:00Z'),
      );
      await store.claim(done.id, NOW, 1000);
      await store.stepDone(
        done.id,
        'x',
        { erased: 1, anonymised: 0, kept: [] },
        NOW,
      );
      await store.finishRun(done.id, new Date('2024-02-28T10:00:00.000Z'));
      const open = await ask(store, 'open', new Date('2020-01-01T00:00:00Z'));

      // The cutoff one day before the completion keeps it; one day after removes it.
      expect(
        await store.removeFinishedBefore(new Date('2024-02-27T10:00:00.000Z')),
      ).toBe(1);
      expect(await store.getRequest(done.id)).toBeDefined();
      expect(
        await store.removeFinishedBefore(new Date('2024-02-29T10:00:00.000Z')),
      ).toBe(1);
      expect(await store.getRequest(done.id)).toBeUndefined();
      expect(await store.getRequest(old.id)).toBeUndefined();
      expect(await store.getRequest(open.id)).toBeDefined();
    });

    it('runs the retention rules one at a time and keeps what each run removed', async () => {
      const { store } = await createStore();
      const id = await store.startRetentionRun({
        trigger: 'manual',
        startedBy: 'user:default/mia',
        policy: POLICY,
        now: NOW,
        staleMs: 3600_000,
      });
      await expect(
        store.startRetentionRun({
          trigger: 'schedule',
          policy: POLICY,
          now: NOW,
          staleMs: 3600_000,
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const run = await store.finishRetentionRun(id, {
        plugins: [
          {
            pluginId: 'peer-directory',
            status: 'done',
            removed: [
              { rule: 'leftNetworkMonths', what: 'profiles', count: 2 },
            ],
          },
          {
            pluginId: 'evaluation',
            status: 'failed',
            removed: [],
            error: 'timeout',
          },
        ],
        erasures: 2,
        erasureRecordsRemoved: 1,
        now: NOW,
      });
      expect(run).toMatchObject({
        id,
        status: 'incomplete',
        trigger: 'manual',
        startedBy: 'user:default/mia',
        erasures: 2,
        erasureRecordsRemoved: 1,
        policy: POLICY,
      });
      // A run that died long ago does not block the next.
      const stale = await store.startRetentionRun({
        trigger: 'schedule',
        policy: POLICY,
        now: NOW,
        staleMs: 3600_000,
      });
      const next = await store.startRetentionRun({
        trigger: 'schedule',
        policy: POLICY,
        now: new Date(NOW.getTime() + 2 * 3600_000),
        staleMs: 3600_000,
      });
      expect((await store.listRetentionRuns(10)).map(r => r.id)).toEqual([
        next,
        stale,
        id,
      ]);
    });

    it('migrates up and down over rows', async () => {
      const { knex, store } = await createStore();
      await ask(store, 'asa');
      const options = {
        directory: resolvePackagePath(
          '@internal/plugin-personal-data-backend',
          'migrations',
        ),
        tableName: 'pdata_knex_migrations',
      };
      await knex.migrate.rollback(options, true);
      expect(await knex.schema.hasTable('pdata_erasure_requests')).toBe(false);
      await knex.migrate.latest(options);
      expect(await knex('pdata_erasure_requests')).toEqual([]);
    });
  },
);
