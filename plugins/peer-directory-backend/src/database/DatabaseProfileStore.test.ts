import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseProfileStore, NewProfile } from './DatabaseProfileStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function person(
  overrides: Partial<NewProfile> & { userRef: string },
): NewProfile {
  return {
    displayName: 'Test Person',
    role: 'peer',
    membershipStatus: 'active',
    region: 'skane',
    units: [],
    languages: ['sv'],
    supportModes: [],
    topics: [],
    assignmentTypes: [],
    availability: 'available',
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseProfileStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseProfileStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('searches Swedish names the Swedish way and ranks name matches first', async () => {
      const { store } = await createStore();
      await store.createProfile(
        person({ userRef: 'user:default/asa', displayName: 'Åsa Lindqvist' }),
      );
      await store.createProfile(
        person({ userRef: 'user:default/asa2', displayName: 'Asa Berg' }),
      );
      await store.createProfile(
        person({
          userRef: 'user:default/rene',
          displayName: 'René Ödman',
          units: ['vll-umea-avd-5'],
        }),
      );
      await store.createProfile(
        person({
          userRef: 'user:default/orebro',
          displayName: 'Lisa Örebro-Holm',
        }),
      );
      await store.createProfile(
        person({ userRef: 'user:default/malmo', displayName: 'Karl Malmö' }),
      );
      await store.createProfile(
        person({
          userRef: 'user:default/nils',
          displayName: 'Nils Sjö',
          units: ['asa-mottagningen'],
        }),
      );

      const names = async (q: string) =>
        (
          await store.listProfiles(
            { q, limit: 20 },
            { includeSensitive: false },
          )
        ).items.map(p => p.displayName);

      expect(await names('åsa')).toEqual(['Åsa Lindqvist']);
      expect(await names('ÅSA')).toEqual(['Åsa Lindqvist']);
      // "asa" is not "åsa": å is a letter of its own. The name match ranks
      // above a match in a unit's name.
      expect(await names('asa')).toEqual(['Asa Berg', 'Nils Sjö']);
      expect(await names('rene')).toEqual(['René Ödman']);
      expect(await names('örebro')).toEqual(['Lisa Örebro-Holm']);
      expect(await names('Malmö')).toEqual(['Karl Malmö']);
      expect(await names('malmo')).toEqual([]);
      expect(await names('umea')).toEqual(['René Ödman']);
      // Every word must match somewhere.
      expect(await names('karl malmö')).toEqual(['Karl Malmö']);
      expect(await names('karl örebro')).toEqual([]);
      // LIKE wildcards never reach the database as wildcards: a query of only
      // symbols is no query, and symbols inside a word are dropped.
      expect(await names('%')).toEqual(await names(''));
      expect(await names('å%sa')).toEqual(['Åsa Lindqvist']);
      expect(await names('a_a')).toEqual([]);
    });

    it('filters by region, unit, role, language, mode, assignment type, availability and training', async () => {
      const { store } = await createStore();
      await store.createProfile(
        person({
          userRef: 'user:default/elin',
          displayName: 'Elin Bergström',
          role: 'peer-supporter',
          region: 'skane',
          units: ['skane-malmo-avd-3'],
          languages: ['sv', 'ar'],
          supportModes: ['ward', 'walk-and-talk'],
          trainings: [
            {
              kind: 'nsph-peer-support',
              completedOn: '2025-05-30',
              certified: true,
              recordedBy: 'user:default/mia',
            },
          ],
        }),
      );
      await store.createProfile(
        person({
          userRef: 'user:default/omar',
          displayName: 'Omar Haddad',
          region: 'vastra-gotaland',
          assignmentTypes: ['share-story'],
          availability: 'limited',
        }),
      );
      const ids = async (q: Record<string, string>) =>
        (
          await store.listProfiles({ limit: 20, ...q } as any, {
            includeSensitive: false,
          })
        ).items.map(p => p.userRef);

      expect(await ids({ region: 'skane' })).toEqual(['user:default/elin']);
      expect(await ids({ unit: 'skane-malmo-avd-3' })).toEqual([
        'user:default/elin',
      ]);
      expect(await ids({ role: 'peer' })).toEqual(['user:default/omar']);
      expect(await ids({ language: 'ar' })).toEqual(['user:default/elin']);
      expect(await ids({ mode: 'walk-and-talk' })).toEqual([
        'user:default/elin',
      ]);
      expect(await ids({ assignmentType: 'share-story' })).toEqual([
        'user:default/omar',
      ]);
      expect(await ids({ availability: 'limited' })).toEqual([
        'user:default/omar',
      ]);
      expect(await ids({ training: 'nsph-peer-support' })).toEqual([
        'user:default/elin',
      ]);
      expect(await ids({ region: 'skane', role: 'peer' })).toEqual([]);
    });

    it('pages with a cursor: every profile once, in order, with the total', async () => {
      const { store } = await createStore();
      for (let i = 0; i < 25; i++) {
        await store.createProfile(
          person({
            userRef: `user:default/p${i}`,
            displayName: `Person ${String(i).padStart(2, '0')}`,
          }),
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listProfiles(
          { limit: 7, cursor },
          { includeSensitive: false },
        );
        expect(page.totalCount).toBe(25);
        seen.push(...page.items.map(p => p.displayName));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(25);
      expect(seen).toEqual([...seen].sort());
    });

    it('shows and searches lived experience only with consent, and withdrawal hides it at once', async () => {
      const { store } = await createStore();
      const id = await store.createProfile(
        person({
          userRef: 'user:default/asa',
          displayName: 'Åsa Lindqvist',
          experience: ['own'],
          story:
            'Jag har levt med bipolär sjukdom och hittat min väg tillbaka.',
          consent: { experience: true, story: true },
        }),
      );
      const staff = { includeSensitive: true };
      const other = { includeSensitive: false };

      expect(await store.getProfile(id, staff)).toMatchObject({
        experience: ['own'],
        story: expect.stringContaining('bipolär'),
      });
      const forOthers = await store.getProfile(id, other);
      expect(forOthers).not.toHaveProperty('experience');
      expect(forOthers).not.toHaveProperty('story');
      expect(
        (await store.listProfiles({ q: 'bipolär', limit: 10 }, staff))
          .totalCount,
      ).toBe(1);
      expect(
        (await store.listProfiles({ q: 'bipolär', limit: 10 }, other))
          .totalCount,
      ).toBe(0);

      const { changed } = await store.setConsent('user:default/asa', {
        experience: false,
        story: false,
      });
      expect(changed.map(c => [c.field, c.granted])).toEqual([
        ['experience', false],
        ['story', false],
      ]);
      const after = await store.getProfile(id, staff);
      expect(after).not.toHaveProperty('experience');
      expect(after).not.toHaveProperty('story');
      expect(
        (await store.listProfiles({ q: 'bipolär', limit: 10 }, staff))
          .totalCount,
      ).toBe(0);

      const own = await store.getOwnProfile('user:default/asa');
      expect(own?.story).toContain('bipolär');
      expect(own?.consent).toEqual({ experience: false, story: false });
      expect(own?.consentHistory.map(c => [c.field, c.granted])).toEqual([
        ['experience', true],
        ['story', true],
        ['experience', false],
        ['story', false],
      ]);
    });

    it('takes interest, records training and status changes with history', async () => {
      const { store } = await createStore();
      const entry = await store.registerInterest(
        'user:default/new',
        'Ny Person',
        {
          role: 'peer',
          region: 'jonkoping',
          message: 'Jag vill bli peer',
        },
      );
      await expect(
        store.registerInterest('user:default/new', 'Ny Person', {
          role: 'peer',
          region: 'jonkoping',
        }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect((await store.listOnboarding()).map(e => e.userRef)).toEqual([
        'user:default/new',
      ]);
      // Not in the directory until active.
      expect(
        (await store.listProfiles({ limit: 10 }, { includeSensitive: false }))
          .totalCount,
      ).toBe(0);

      await store.addTraining(
        entry.id,
        {
          kind: 'recovery-college-peer',
          completedOn: '2026-10-01',
          certified: true,
        },
        'user:default/mia',
      );
      await store.changeStatus(
        entry.id,
        { status: 'active' },
        'user:default/mia',
      );
      const listed = await store.listProfiles(
        { limit: 10 },
        { includeSensitive: false },
      );
      expect(listed.items[0]).toMatchObject({
        displayName: 'Ny Person',
        membershipStatus: 'active',
        trainings: [
          expect.objectContaining({
            kind: 'recovery-college-peer',
            certified: true,
          }),
        ],
      });
      const own = await store.getOwnProfile('user:default/new');
      expect(own?.statusHistory.map(s => s.status)).toEqual([
        'interested',
        'active',
      ]);
      await expect(
        store.changeStatus(
          '00000000-0000-4000-8000-000000000000',
          { status: 'left' },
          'x',
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('counts coverage per region and unit', async () => {
      const { store } = await createStore();
      await store.createProfile(
        person({
          userRef: 'user:default/a',
          role: 'peer-supporter',
          region: 'skane',
          units: ['u1'],
          supportModes: ['ward', 'video'],
        }),
      );
      await store.createProfile(
        person({
          userRef: 'user:default/b',
          role: 'peer-supporter',
          region: 'skane',
          units: ['u1', 'u2'],
          supportModes: ['video'],
        }),
      );
      await store.createProfile(
        person({
          userRef: 'user:default/c',
          role: 'peer',
          region: 'skane',
          units: ['u2'],
        }),
      );
      await store.createProfile(
        person({
          userRef: 'user:default/d',
          role: 'peer',
          region: 'skane',
          units: ['u2'],
          availability: 'paused',
          pausedUntil: '2027-01-01',
        }),
      );
      const { regions } = await store.coverage('skane');
      expect(regions).toEqual([
        {
          region: 'skane',
          activePeerSupporters: 2,
          peersAvailable: 1,
          modes: ['ward', 'video'],
          units: [
            {
              unit: 'u1',
              activePeerSupporters: 2,
              peersAvailable: 0,
              modes: ['ward', 'video'],
            },
            {
              unit: 'u2',
              activePeerSupporters: 1,
              peersAvailable: 1,
              modes: ['video'],
            },
          ],
        },
      ]);
    });

    it('exports everything about a person, and erases it all, safely twice', async () => {
      const { knex, store } = await createStore();
      const id = await store.createProfile(
        person({
          userRef: 'user:default/asa',
          displayName: 'Åsa Lindqvist',
          units: ['u1'],
          story: 'Min berättelse',
          consent: { experience: true, story: true },
          trainings: [
            {
              kind: 'supervision',
              completedOn: '2026-01-10',
              certified: false,
              recordedBy: 'x',
            },
          ],
        }),
      );
      await store.createProfile(
        person({ userRef: 'user:default/other', displayName: 'Annan Person' }),
      );

      const exported = (await store.exportPersonalData(
        'user:default/asa',
      )) as any;
      expect(exported.profile).toMatchObject({
        displayName: 'Åsa Lindqvist',
        story: 'Min berättelse',
        consent: { experience: true, story: true },
      });
      expect(exported.profile.consentHistory).toHaveLength(2);
      expect(exported.profile.trainings).toHaveLength(1);

      const report = await store.erasePersonalData('user:default/asa');
      expect(report.erased).toBeGreaterThanOrEqual(6);
      for (const table of [
        'pd_profiles',
        'pd_profile_tags',
        'pd_trainings',
        'pd_status_history',
        'pd_consent_ledger',
      ]) {
        const rows = await knex(table).where(
          table === 'pd_profiles' ? { id } : { profile_id: id },
        );
        expect(rows).toEqual([]);
      }
      expect(
        await store.exportPersonalData('user:default/asa'),
      ).toBeUndefined();
      await expect(
        store.erasePersonalData('user:default/asa'),
      ).resolves.toEqual({
        erased: 0,
        anonymised: 0,
        kept: [],
      });
      // Nobody else is touched.
      expect(
        (await store.listProfiles({ limit: 10 }, { includeSensitive: false }))
          .totalCount,
      ).toBe(1);
    });

    it('lists consents apart in the export, with their dates', async () => {
      const { store } = await createStore();
      await store.createProfile(
        person({ userRef: 'user:default/asa' }),
        new Date('2026-01-01T10:00:00.000Z'),
      );
      await store.setConsent(
        'user:default/asa',
        { experience: true, story: false },
        new Date('2026-02-01T10:00:00.000Z'),
      );
      await store.setConsent(
        'user:default/asa',
        { experience: false, story: false },
        new Date('2026-03-01T10:00:00.000Z'),
      );
      const exported = (await store.exportPersonalData(
        'user:default/asa',
      )) as any;
      expect(exported.consents).toEqual([
        {
          field: 'experience',
          granted: false,
          history: [
            { granted: true, at: '2026-02-01T10:00:00.000Z' },
            { granted: false, at: '2026-03-01T10:00:00.000Z' },
          ],
        },
        { field: 'story', granted: false, history: [] },
      ]);
      const changes = await store.listConsentChanges({
        since: '2026-02-15T00:00:00.000Z',
        limit: 10,
      });
      expect(changes.items).toEqual([
        {
          userRef: 'user:default/asa',
          displayName: 'Test Person',
          field: 'experience',
          granted: false,
          at: '2026-03-01T10:00:00.000Z',
        },
      ]);
    });

    it('applies retention at its boundaries: one day past the period goes, one day short stays', async () => {
      const { knex, store } = await createStore();
      const now = new Date('2027-06-15T03:00:00.000Z');
      const policy = {
        interestNotFollowedUpMonths: 12,
        rsvpNeedsAfterMeetingDays: 30,
        leftNetworkMonths: 24,
        erasureRecordsMonths: 36,
      };
      const interest = (name: string, at: string) =>
        store.registerInterest(
          `user:default/${name}`,
          name,
          { role: 'peer', region: 'skane' },
          new Date(at),
        );
      // Twelve months back from now is 2026-06-15T03:00Z.
      await interest('stale-interest', '2026-06-14T03:00:00.000Z');
      await interest('fresh-interest', '2026-06-16T03:00:00.000Z');
      // An interest followed up (in training) is not "never followed up".
      const followed = await interest(
        'followed-up',
        '2025-01-01T00:00:00.000Z',
      );
      await store.changeStatus(
        followed.id,
        { status: 'in-training' },
        'user:default/coord',
        new Date('2025-02-01T00:00:00.000Z'),
      );
      // Leavers: 24 months back is 2025-06-15T03:00Z.
      const leaver = async (name: string, leftAt: string) => {
        const id = await store.createProfile(
          person({ userRef: `user:default/${name}` }),
          new Date('2020-01-01T00:00:00.000Z'),
        );
        await store.changeStatus(
          id,
          { status: 'left' },
          'user:default/coord',
          new Date(leftAt),
        );
        return id;
      };
      const oldLeaver = await leaver('old-leaver', '2025-06-14T03:00:00.000Z');
      await leaver('recent-leaver', '2025-06-16T03:00:00.000Z');
      // Left long ago but came back: not a leaver.
      const returned = await leaver('returned', '2021-01-01T00:00:00.000Z');
      await store.changeStatus(
        returned,
        { status: 'active' },
        'user:default/coord',
        new Date('2022-01-01T00:00:00.000Z'),
      );
      await store.createProfile(
        person({ userRef: 'user:default/active' }),
        new Date('2019-01-01T00:00:00.000Z'),
      );

      const report = await store.applyRetention(policy, now);
      expect(report.removed).toEqual([
        expect.objectContaining({
          rule: 'interestNotFollowedUpMonths',
          count: 1,
        }),
        expect.objectContaining({ rule: 'leftNetworkMonths', count: 1 }),
      ]);
      expect(report.peopleToErase).toEqual(['user:default/old-leaver']);
      const left = (await knex('pd_profiles').select('user_ref'))
        .map(r => r.user_ref)
        .sort();
      expect(left).toEqual([
        'user:default/active',
        'user:default/followed-up',
        'user:default/fresh-interest',
        'user:default/recent-leaver',
        'user:default/returned',
      ]);
      expect(
        await knex('pd_status_history').where({ profile_id: oldLeaver }),
      ).toEqual([]);

      // Again: nothing more to remove.
      const again = await store.applyRetention(policy, now);
      expect(again.removed.map(r => r.count)).toEqual([0, 0]);
      expect(again.peopleToErase).toEqual([]);
    });
  },
);
