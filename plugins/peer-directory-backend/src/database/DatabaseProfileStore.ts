import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ConsentEvent,
  ConsentUpdate,
  CoverageResponse,
  Experience,
  InterestRegistration,
  MembershipStatus,
  OnboardingEntry,
  OwnProfile,
  OwnProfileUpdate,
  Profile,
  ProfileList,
  ProfileQuery,
  ProfileRole,
  RegionCoverage,
  StatusChange,
  SupportMode,
  TrainingRecord,
  TrainingRequest,
  SUPPORT_MODES,
} from '@internal/plugin-peer-directory-common';
import { ExportedConsent } from '@internal/plugin-personal-data-common';
import {
  ErasureReport,
  PersonalDataProvider,
  RetentionPolicy,
  RetentionReport,
  retentionCutoff,
} from '@internal/plugin-personal-data-node';
import { JsonObject } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import {
  cacheSqliteStatements,
  decodeKeyset,
  encodeKeyset,
  escapeLike,
  foldSwedish,
  queryTerms,
} from '@internal/plugin-portal-node';

const MIGRATIONS = resolvePackagePath(
  '@internal/plugin-peer-directory-backend',
  'migrations',
);

/** Profiles that the directory lists: members, not applicants or leavers. */
export const LISTED_STATUSES: MembershipStatus[] = ['active', 'paused'];
const ONBOARDING_STATUSES: MembershipStatus[] = ['interested', 'in-training'];

type TagKind = 'unit' | 'language' | 'mode' | 'topic' | 'assignment-type';

type ProfileRow = {
  id: string;
  user_ref: string;
  display_name: string;
  sort_name: string;
  role: ProfileRole;
  region: string;
  availability: Profile['availability'];
  paused_until: string | null;
  membership_status: MembershipStatus;
  experience: string;
  story: string;
  consent_experience: boolean | number;
  consent_story: boolean | number;
  search_text: string;
  search_story: string | null;
  interest_message: string | null;
  registered_at: string;
  updated_at: string;
};

type TrainingRow = {
  id: string;
  profile_id: string;
  kind: TrainingRecord['kind'];
  completed_on: string;
  certified: boolean | number;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
};

/** A complete profile as the seed and the generator create it. */
export type NewProfile = Omit<
  OwnProfileUpdate,
  'pausedUntil' | 'experience' | 'story'
> & {
  userRef: string;
  role: ProfileRole;
  membershipStatus: MembershipStatus;
  pausedUntil?: string | null;
  experience?: Experience[];
  story?: string;
  consent?: { experience: boolean; story: boolean };
  trainings?: Array<TrainingRequest & { recordedBy: string }>;
};

/** Who is asking, as far as the store needs to know. */
export type ReadOptions = {
  /** Whether consented sensitive fields may be returned and searched. */
  includeSensitive: boolean;
};

/**
 * The peer directory's store: its own tables only. Rows are snake_case,
 * the API camelCase; the conversion is in toProfile and toTraining.
 */
export class DatabaseProfileStore implements PersonalDataProvider {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseProfileStore> {
    const client = cacheSqliteStatements(await options.database.getClient());
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: MIGRATIONS,
        tableName: 'pd_knex_migrations',
      });
    }
    return new DatabaseProfileStore(client);
  }

  // --- reads -------------------------------------------------------------

  async listProfiles(
    query: ProfileQuery,
    options: ReadOptions & { statuses?: MembershipStatus[] },
  ): Promise<ProfileList> {
    const terms = queryTerms(query.q);
    const fullQuery = terms.join(' ');
    const statuses = options.statuses ?? LISTED_STATUSES;

    const filtered = () => {
      const qb = this.db<ProfileRow>('pd_profiles as p').whereIn(
        'p.membership_status',
        statuses,
      );
      if (query.region) qb.where('p.region', query.region);
      if (query.role) qb.where('p.role', query.role);
      if (query.userRef) {
        qb.whereIn('p.user_ref', ([] as string[]).concat(query.userRef));
      }
      if (query.availability) qb.where('p.availability', query.availability);
      const tag = (kind: TagKind, value: string | undefined) => {
        if (value) {
          qb.whereExists(
            this.db('pd_profile_tags as t')
              .select(this.db.raw('1'))
              .whereRaw('t.profile_id = p.id')
              .where({ 't.kind': kind, 't.value': value }),
          );
        }
      };
      tag('unit', query.unit);
      tag('language', query.language);
      tag('mode', query.mode);
      tag('assignment-type', query.assignmentType);
      if (query.training) {
        qb.whereExists(
          this.db('pd_trainings as tr')
            .select(this.db.raw('1'))
            .whereRaw('tr.profile_id = p.id')
            .where('tr.kind', query.training),
        );
      }
      for (const term of terms) {
        const like = `%${escapeLike(term)}%`;
        qb.where(inner => {
          inner.whereRaw("p.search_text LIKE ? ESCAPE '\\'", [like]);
          if (options.includeSensitive) {
            inner.orWhereRaw("p.search_story LIKE ? ESCAPE '\\'", [like]);
          }
        });
      }
      return qb;
    };

    // Good matches first: the name starts with the query, then all words in
    // public fields, then matches through the (consented) story. The rank is
    // SQL with bindings; no input is ever spliced into the SQL text.
    const rankSql = terms.length
      ? `(CASE WHEN p.sort_name LIKE ? ESCAPE '\\' THEN 0 WHEN ${terms
          .map(() => "p.search_text LIKE ? ESCAPE '\\'")
          .join(' AND ')} THEN 1 ELSE 2 END)`
      : '(0)';
    const rankBindings = terms.length
      ? [`${escapeLike(fullQuery)}%`, ...terms.map(t => `%${escapeLike(t)}%`)]
      : [];

    const page = filtered().select(
      'p.*',
      this.db.raw(`${rankSql} as rank`, rankBindings),
    );
    // Free text scans the table anyway, so the first page counts its matches
    // in that same scan (a window function). Otherwise the count is its own
    // query, and the page can stop early along the listing index.
    let counted: number | undefined;
    if (query.cursor || !terms.length) {
      const [{ count }] = await filtered().clearSelect().count({ count: '*' });
      counted = Number(count);
    } else {
      page.select(this.db.raw('count(*) over () as total_count'));
    }
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      if (!terms.length) {
        // Every rank is 0: a row-value comparison lets the index seek.
        page.whereRaw('(p.sort_name, p.id) > (?, ?)', [c.sortName, c.id]);
      } else {
        page.where(w =>
          w
            .whereRaw(`${rankSql} > ?`, [...rankBindings, c.rank])
            .orWhere(w2 =>
              w2
                .whereRaw(`${rankSql} = ?`, [...rankBindings, c.rank])
                .where('p.sort_name', '>', c.sortName),
            )
            .orWhere(w3 =>
              w3
                .whereRaw(`${rankSql} = ?`, [...rankBindings, c.rank])
                .where('p.sort_name', c.sortName)
                .where('p.id', '>', c.id),
            ),
        );
      }
    }
    if (terms.length) {
      page.orderByRaw(`${rankSql} asc`, rankBindings);
    }
    const rows = (await page
      .orderBy('p.sort_name', 'asc')
      .orderBy('p.id', 'asc')
      .limit(query.limit + 1)) as Array<
      ProfileRow & { rank: number | string; total_count?: number | string }
    >;
    const count = counted ?? Number(rows[0]?.total_count ?? 0);

    const hasMore = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);
    const items = await this.hydrate(pageRows, options);
    const last = pageRows[pageRows.length - 1];
    return {
      items,
      totalCount: Number(count),
      nextCursor:
        hasMore && last
          ? encodeCursor({
              rank: Number(last.rank),
              sortName: last.sort_name,
              id: last.id,
            })
          : undefined,
    };
  }

  async getProfile(
    id: string,
    options: ReadOptions & { statuses?: MembershipStatus[] },
  ): Promise<Profile | undefined> {
    const row = await this.db<ProfileRow>('pd_profiles')
      .where({ id })
      .whereIn('membership_status', options.statuses ?? LISTED_STATUSES)
      .first();
    if (!row) {
      return undefined;
    }
    const [profile] = await this.hydrate([row], options);
    return profile;
  }

  async getOwnProfile(userRef: string): Promise<OwnProfile | undefined> {
    const row = await this.db<ProfileRow>('pd_profiles')
      .where({ user_ref: userRef })
      .first();
    if (!row) {
      return undefined;
    }
    const [profile] = await this.hydrate([row], { includeSensitive: true });
    const consentHistory = (
      await this.db('pd_consent_ledger')
        .where({ profile_id: row.id })
        .orderBy('id', 'asc')
    ).map(
      (r): ConsentEvent => ({
        field: r.field,
        granted: Boolean(r.granted),
        at: r.at,
      }),
    );
    const statusHistory = (
      await this.db('pd_status_history')
        .where({ profile_id: row.id })
        .orderBy('id', 'asc')
    ).map(
      (r): StatusChange => ({
        status: r.status,
        reason: r.reason ?? undefined,
        changedBy: r.changed_by,
        changedAt: r.changed_at,
      }),
    );
    return {
      ...profile,
      experience: JSON.parse(row.experience),
      story: row.story,
      consent: {
        experience: Boolean(row.consent_experience),
        story: Boolean(row.consent_story),
      },
      consentHistory,
      statusHistory,
    };
  }

  async listOnboarding(): Promise<OnboardingEntry[]> {
    const rows = await this.db<ProfileRow>('pd_profiles')
      .whereIn('membership_status', ONBOARDING_STATUSES)
      .orderBy('registered_at', 'asc')
      .orderBy('id', 'asc')
      .limit(500);
    const trainings = await this.trainingsFor(rows.map(r => r.id));
    return rows.map(row => ({
      id: row.id,
      userRef: row.user_ref,
      displayName: row.display_name,
      role: row.role,
      region: row.region,
      membershipStatus: row.membership_status,
      message: row.interest_message ?? undefined,
      registeredAt: row.registered_at,
      trainings: trainings.get(row.id) ?? [],
    }));
  }

  async coverage(region?: string): Promise<CoverageResponse> {
    const base = this.db<ProfileRow>('pd_profiles as p')
      .where('p.membership_status', 'active')
      .modify(qb => {
        if (region) qb.where('p.region', region);
      });
    const supporters = await base
      .clone()
      .join('pd_profile_tags as u', function onUnit() {
        this.on('u.profile_id', '=', 'p.id').andOnVal('u.kind', '=', 'unit');
      })
      .leftJoin('pd_profile_tags as m', function onMode() {
        this.on('m.profile_id', '=', 'p.id').andOnVal('m.kind', '=', 'mode');
      })
      .where('p.role', 'peer-supporter')
      .select('p.id', 'p.region', 'u.value as unit', 'm.value as mode');
    const peers = await base
      .clone()
      .join('pd_profile_tags as u', function onUnit() {
        this.on('u.profile_id', '=', 'p.id').andOnVal('u.kind', '=', 'unit');
      })
      .where('p.role', 'peer')
      .whereIn('p.availability', ['available', 'limited'])
      .select('p.id', 'p.region', 'u.value as unit');

    type Acc = {
      supporters: Set<string>;
      peers: Set<string>;
      modes: Set<string>;
    };
    const regions = new Map<string, { total: Acc; units: Map<string, Acc> }>();
    const acc = (): Acc => ({
      supporters: new Set(),
      peers: new Set(),
      modes: new Set(),
    });
    const slot = (regionName: string, unit: string) => {
      let r = regions.get(regionName);
      if (!r) {
        r = { total: acc(), units: new Map() };
        regions.set(regionName, r);
      }
      let u = r.units.get(unit);
      if (!u) {
        u = acc();
        r.units.set(unit, u);
      }
      return [r.total, u];
    };
    for (const row of supporters) {
      for (const a of slot(row.region, row.unit)) {
        a.supporters.add(row.id);
        if (row.mode) a.modes.add(row.mode);
      }
    }
    for (const row of peers) {
      for (const a of slot(row.region, row.unit)) {
        a.peers.add(row.id);
      }
    }
    const modes = (set: Set<string>) =>
      SUPPORT_MODES.filter(m => set.has(m)) as SupportMode[];
    const result: RegionCoverage[] = [...regions.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'sv'))
      .map(([name, r]) => ({
        region: name,
        activePeerSupporters: r.total.supporters.size,
        peersAvailable: r.total.peers.size,
        modes: modes(r.total.modes),
        units: [...r.units.entries()]
          .sort(([a], [b]) => a.localeCompare(b, 'sv'))
          .map(([unit, u]) => ({
            unit,
            activePeerSupporters: u.supporters.size,
            peersAvailable: u.peers.size,
            modes: modes(u.modes),
          })),
      }));
    return { regions: result };
  }

  // --- writes ------------------------------------------------------------

  /** Creates a whole profile (seed, generator). Idempotent on userRef. */
  async createProfile(input: NewProfile, now = new Date()): Promise<string> {
    return this.db.transaction(async tx => {
      const existing = await tx('pd_profiles')
        .where({ user_ref: input.userRef })
        .first('id');
      if (existing) {
        return existing.id as string;
      }
      const id = randomUUID();
      const at = now.toISOString();
      const consent = input.consent ?? { experience: false, story: false };
      const story = input.story ?? '';
      await tx('pd_profiles').insert({
        id,
        user_ref: input.userRef,
        display_name: input.displayName,
        sort_name: foldSwedish(input.displayName),
        role: input.role,
        region: input.region,
        availability: input.availability,
        paused_until: input.pausedUntil ?? null,
        membership_status: input.membershipStatus,
        experience: JSON.stringify(input.experience ?? []),
        story,
        consent_experience: consent.experience,
        consent_story: consent.story,
        search_text: searchText(input),
        search_story: consent.story && story ? foldSwedish(story) : null,
        registered_at: at,
        updated_at: at,
      });
      await insertTags(tx, id, input);
      for (const field of ['experience', 'story'] as const) {
        if (consent[field]) {
          await tx('pd_consent_ledger').insert({
            profile_id: id,
            field,
            granted: true,
            at,
          });
        }
      }
      await tx('pd_status_history').insert({
        profile_id: id,
        status: input.membershipStatus,
        changed_by: 'system:seed',
        changed_at: at,
      });
      for (const training of input.trainings ?? []) {
        await tx('pd_trainings').insert({
          id: randomUUID(),
          profile_id: id,
          kind: training.kind,
          completed_on: training.completedOn,
          certified: training.certified,
          note: training.note ?? null,
          recorded_by: training.recordedBy,
          recorded_at: at,
        });
      }
      return id;
    });
  }

  async registerInterest(
    userRef: string,
    displayName: string,
    request: InterestRegistration,
    now = new Date(),
  ): Promise<OnboardingEntry> {
    const at = now.toISOString();
    const id = randomUUID();
    try {
      await this.db.transaction(async tx => {
        await tx('pd_profiles').insert({
          id,
          user_ref: userRef,
          display_name: displayName,
          sort_name: foldSwedish(displayName),
          role: request.role,
          region: request.region,
          availability: 'available',
          membership_status: 'interested',
          search_text: foldSwedish(`${displayName} ${request.region}`),
          interest_message: request.message ?? null,
          registered_at: at,
          updated_at: at,
        });
        await tx('pd_status_history').insert({
          profile_id: id,
          status: 'interested',
          changed_by: userRef,
          changed_at: at,
        });
      });
    } catch (error) {
      if (
        await this.db('pd_profiles').where({ user_ref: userRef }).first('id')
      ) {
        throw new ConflictError('You are already registered in the network');
      }
      throw error;
    }
    return {
      id,
      userRef,
      displayName,
      role: request.role,
      region: request.region,
      membershipStatus: 'interested',
      message: request.message,
      registeredAt: at,
      trainings: [],
    };
  }

  async updateOwnProfile(
    userRef: string,
    update: OwnProfileUpdate,
    now = new Date(),
  ): Promise<OwnProfile> {
    await this.db.transaction(async tx => {
      const row = await ownRow(tx, userRef);
      await tx('pd_profiles')
        .where({ id: row.id })
        .update({
          display_name: update.displayName,
          sort_name: foldSwedish(update.displayName),
          region: update.region,
          availability: update.availability,
          paused_until:
            update.availability === 'paused' ? update.pausedUntil : null,
          experience: JSON.stringify(update.experience),
          story: update.story,
          search_text: searchText(update),
          search_story:
            row.consent_story && update.story
              ? foldSwedish(update.story)
              : null,
          updated_at: now.toISOString(),
        });
      await tx('pd_profile_tags').where({ profile_id: row.id }).delete();
      await insertTags(tx, row.id, update);
    });
    return (await this.getOwnProfile(userRef))!;
  }

  async setConsent(
    userRef: string,
    consent: ConsentUpdate,
    now = new Date(),
  ): Promise<{ profile: OwnProfile; changed: ConsentEvent[] }> {
    const at = now.toISOString();
    const changed: ConsentEvent[] = [];
    await this.db.transaction(async tx => {
      const row = await ownRow(tx, userRef);
      for (const field of ['experience', 'story'] as const) {
        const current = Boolean(row[`consent_${field}`]);
        if (current !== consent[field]) {
          changed.push({ field, granted: consent[field], at });
          await tx('pd_consent_ledger').insert({
            profile_id: row.id,
            field,
            granted: consent[field],
            at,
          });
        }
      }
      // Withdrawing hides the data at once, the search index included.
      await tx('pd_profiles')
        .where({ id: row.id })
        .update({
          consent_experience: consent.experience,
          consent_story: consent.story,
          search_story:
            consent.story && row.story ? foldSwedish(row.story) : null,
          updated_at: at,
        });
    });
    return { profile: (await this.getOwnProfile(userRef))!, changed };
  }

  async changeStatus(
    id: string,
    change: { status: MembershipStatus; reason?: string },
    actor: string,
    now = new Date(),
  ): Promise<Profile> {
    const at = now.toISOString();
    await this.db.transaction(async tx => {
      const updated = await tx('pd_profiles')
        .where({ id })
        .update({ membership_status: change.status, updated_at: at });
      if (!updated) {
        throw new NotFoundError(`No profile with id ${id}`);
      }
      await tx('pd_status_history').insert({
        profile_id: id,
        status: change.status,
        reason: change.reason ?? null,
        changed_by: actor,
        changed_at: at,
      });
    });
    return (await this.getProfile(id, {
      includeSensitive: false,
      statuses: [change.status],
    }))!;
  }

  async addTraining(
    id: string,
    request: TrainingRequest,
    actor: string,
    now = new Date(),
  ): Promise<TrainingRecord> {
    const at = now.toISOString();
    const trainingId = randomUUID();
    await this.db.transaction(async tx => {
      const exists = await tx('pd_profiles').where({ id }).first('id');
      if (!exists) {
        throw new NotFoundError(`No profile with id ${id}`);
      }
      await tx('pd_trainings').insert({
        id: trainingId,
        profile_id: id,
        kind: request.kind,
        completed_on: request.completedOn,
        certified: request.certified,
        note: request.note ?? null,
        recorded_by: actor,
        recorded_at: at,
      });
      await tx('pd_profiles').where({ id }).update({ updated_at: at });
    });
    return {
      id: trainingId,
      kind: request.kind,
      completedOn: request.completedOn,
      certified: request.certified,
      note: request.note,
      recordedBy: actor,
      recordedAt: at,
    };
  }

  // --- personal data (GDPR art. 15 and 17) --------------------------------

  /** Everything the directory holds about a person, consents listed apart. */
  async exportPersonalData(userRef: string): Promise<JsonObject | undefined> {
    const own = await this.getOwnProfile(userRef);
    if (!own) {
      return undefined;
    }
    const consents: ExportedConsent[] = (['experience', 'story'] as const).map(
      field => ({
        field,
        granted: own.consent[field],
        history: own.consentHistory
          .filter(e => e.field === field)
          .map(e => ({ granted: e.granted, at: e.at })),
      }),
    );
    return JSON.parse(JSON.stringify({ profile: own, consents })) as JsonObject;
  }

  /**
   * Removes the person's profile and every row that belongs to it, in one
   * transaction. Running it again finds nothing and erases nothing.
   */
  async erasePersonalData(userRef: string): Promise<ErasureReport> {
    return this.db.transaction(async tx => {
      const row = await tx('pd_profiles')
        .where({ user_ref: userRef })
        .first('id');
      if (!row) {
        return { erased: 0, anonymised: 0, kept: [] };
      }
      return {
        erased: await deleteProfiles(tx, [row.id]),
        anonymised: 0,
        kept: [],
      };
    });
  }

  /**
   * Retention: removes interest registrations that nobody followed up (the
   * profile is still "interested" and unchanged for the policy's months)
   * and the profiles of people who left the network longer ago than the
   * policy allows. The leavers are reported so that the rest of the portal
   * erases them too.
   */
  async applyRetention(
    policy: RetentionPolicy,
    now: Date,
  ): Promise<RetentionReport> {
    const interestCutoff = retentionCutoff(now, {
      months: policy.interestNotFollowedUpMonths,
    }).toISOString();
    const leftCutoff = retentionCutoff(now, {
      months: policy.leftNetworkMonths,
    }).toISOString();
    return this.db.transaction(async tx => {
      const stale = await tx<ProfileRow>('pd_profiles')
        .where('membership_status', 'interested')
        .where('updated_at', '<', interestCutoff)
        .select('id');
      // When each leaver left: their latest change to "left".
      const leavers = await tx<ProfileRow>('pd_profiles as p')
        .join(
          tx('pd_status_history')
            .where('status', 'left')
            .groupBy('profile_id')
            .select('profile_id', tx.raw('max(changed_at) as left_at'))
            .as('h'),
          'h.profile_id',
          'p.id',
        )
        .where('p.membership_status', 'left')
        .where('h.left_at', '<', leftCutoff)
        .select('p.id', 'p.user_ref');
      await deleteProfiles(
        tx,
        stale.map(r => r.id),
      );
      await deleteProfiles(
        tx,
        leavers.map(r => r.id),
      );
      return {
        removed: [
          {
            rule: 'interestNotFollowedUpMonths',
            what: 'interest registrations nobody followed up (profiles still "interested")',
            count: stale.length,
          },
          {
            rule: 'leftNetworkMonths',
            what: 'profiles of people who left the network',
            count: leavers.length,
          },
        ],
        peopleToErase: leavers.map(r => r.user_ref),
      };
    });
  }

  /**
   * Consent given or withdrawn since an instant, newest first, for the
   * coordinators' log (read by the personal-data service).
   */
  async listConsentChanges(query: {
    since: string;
    limit: number;
    cursor?: string;
  }): Promise<{
    items: Array<{
      userRef: string;
      displayName: string;
      field: string;
      granted: boolean;
      at: string;
    }>;
    nextCursor?: string;
  }> {
    const q = this.db('pd_consent_ledger as c')
      .join('pd_profiles as p', 'p.id', 'c.profile_id')
      .where('c.at', '>=', query.since)
      .select(
        'c.id',
        'c.field',
        'c.granted',
        'c.at',
        'p.user_ref',
        'p.display_name',
      )
      .orderBy('c.id', 'desc')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [lastId] = decodeKeyset<[number]>(query.cursor, ['integer']);
      q.where('c.id', '<', lastId);
    }
    const rows = await q;
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(r => ({
        userRef: r.user_ref,
        displayName: r.display_name,
        field: r.field,
        granted: Boolean(r.granted),
        at: r.at,
      })),
      nextCursor:
        rows.length > query.limit
          ? encodeKeyset([Number(page[page.length - 1].id)])
          : undefined,
    };
  }

  // --- helpers -----------------------------------------------------------

  private async trainingsFor(ids: string[]) {
    const byProfile = new Map<string, TrainingRecord[]>();
    if (!ids.length) return byProfile;
    const rows: TrainingRow[] = await this.db('pd_trainings')
      .whereIn('profile_id', ids)
      .orderBy('completed_on', 'asc')
      .orderBy('id', 'asc');
    for (const row of rows) {
      const list = byProfile.get(row.profile_id) ?? [];
      list.push({
        id: row.id,
        kind: row.kind,
        completedOn: row.completed_on,
        certified: Boolean(row.certified),
        note: row.note ?? undefined,
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at,
      });
      byProfile.set(row.profile_id, list);
    }
    return byProfile;
  }

  private async hydrate(
    rows: ProfileRow[],
    options: ReadOptions,
  ): Promise<Profile[]> {
    const ids = rows.map(r => r.id);
    const tags = new Map<string, Record<TagKind, string[]>>();
    if (ids.length) {
      const tagRows: Array<{
        profile_id: string;
        kind: TagKind;
        value: string;
      }> = await this.db('pd_profile_tags')
        .whereIn('profile_id', ids)
        .orderBy('value', 'asc');
      for (const t of tagRows) {
        const entry =
          tags.get(t.profile_id) ??
          ({
            unit: [],
            language: [],
            mode: [],
            topic: [],
            'assignment-type': [],
          } as Record<TagKind, string[]>);
        entry[t.kind].push(t.value);
        tags.set(t.profile_id, entry);
      }
    }
    const trainings = await this.trainingsFor(ids);
    return rows.map(row =>
      toProfile(row, tags.get(row.id), trainings.get(row.id), options),
    );
  }
}

function toProfile(
  row: ProfileRow,
  tags: Record<TagKind, string[]> | undefined,
  trainings: TrainingRecord[] | undefined,
  options: ReadOptions,
): Profile {
  const profile: Profile = {
    id: row.id,
    userRef: row.user_ref,
    displayName: row.display_name,
    role: row.role,
    region: row.region,
    units: tags?.unit ?? [],
    languages: (tags?.language ?? []) as Profile['languages'],
    supportModes: (tags?.mode ?? []) as Profile['supportModes'],
    topics: (tags?.topic ?? []) as Profile['topics'],
    assignmentTypes: (tags?.['assignment-type'] ??
      []) as Profile['assignmentTypes'],
    availability: row.availability,
    pausedUntil: row.paused_until,
    membershipStatus: row.membership_status,
    trainings: trainings ?? [],
    updatedAt: row.updated_at,
  };
  if (options.includeSensitive && Boolean(row.consent_experience)) {
    profile.experience = JSON.parse(row.experience);
  }
  if (options.includeSensitive && Boolean(row.consent_story) && row.story) {
    profile.story = row.story;
  }
  return profile;
}

/** The caller's own profile row, locked for the transaction where it can be. */
async function ownRow(tx: Knex.Transaction, userRef: string) {
  const query = tx<ProfileRow>('pd_profiles').where({ user_ref: userRef });
  if (tx.client.config.client === 'pg') {
    query.forUpdate();
  }
  const row = await query.first();
  if (!row) {
    throw new NotFoundError(
      'You have no profile yet: register your interest first',
    );
  }
  return row;
}

function searchText(p: {
  displayName: string;
  region: string;
  units: string[];
  languages: string[];
}): string {
  return foldSwedish(
    [p.displayName, p.region, ...p.units, ...p.languages].join(' '),
  );
}

async function insertTags(
  tx: Knex.Transaction,
  profileId: string,
  p: {
    units: string[];
    languages: string[];
    supportModes: string[];
    topics: string[];
    assignmentTypes: string[];
  },
) {
  const rows = [
    ...p.units.map(value => ({ kind: 'unit', value })),
    ...p.languages.map(value => ({ kind: 'language', value })),
    ...p.supportModes.map(value => ({ kind: 'mode', value })),
    ...p.topics.map(value => ({ kind: 'topic', value })),
    ...p.assignmentTypes.map(value => ({ kind: 'assignment-type', value })),
  ].map(r => ({ ...r, profile_id: profileId }));
  if (rows.length) {
    await tx('pd_profile_tags').insert(rows);
  }
}

/** Removes profiles and every row that belongs to them; returns the rows removed. */
async function deleteProfiles(
  tx: Knex.Transaction,
  ids: string[],
): Promise<number> {
  let removed = 0;
  for (let i = 0; i < ids.length; i += 400) {
    const chunk = ids.slice(i, i + 400);
    for (const table of [
      'pd_profile_tags',
      'pd_trainings',
      'pd_status_history',
      'pd_consent_ledger',
    ]) {
      removed += await tx(table).whereIn('profile_id', chunk).delete();
    }
    removed += await tx('pd_profiles').whereIn('id', chunk).delete();
  }
  return removed;
}
