import { DatabaseService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { AssignmentFact } from '@internal/plugin-assignments-common';
import {
  ErasureOptions,
  ErasureReport,
  PersonalDataProvider,
} from '@internal/plugin-personal-data-node';
import { escapeLike } from '@internal/plugin-portal-node';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { membersOf, withMembers } from './database/bitset';
import {
  PEER_KEYS,
  addTo,
  toSession,
} from './database/DatabaseEvaluationStore';

/**
 * The evaluation's person-level rows, for export and erasure: a peer's own
 * monthly work (ev_peer_monthly), their number in the people sets of the
 * rollups (ev_people), the activity facts that name them (ev_facts), the
 * support sessions a peer supporter logged (ev_support_sessions) and who
 * entered outcome figures (ev_outcomes, ev_unit_starts).
 *
 * Erasure puts a pseudonym (`user:erased/…`) where the person was: the
 * person's number in the people sets stays, only the name it stands for
 * changes, so every figure of the dashboards (sums, distinct people,
 * units, sessions) stays exactly as it was, and nothing points to the
 * person any more. When the board's facts were erased first with the same
 * pseudonym and some arrived since, the two numbers are merged into one.
 */
export class EvaluationPersonalData implements PersonalDataProvider {
  private constructor(private readonly db: Knex) {}

  /** On the evaluation's own database (its store runs the migrations). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<EvaluationPersonalData> {
    return new EvaluationPersonalData(await options.database.getClient());
  }

  async exportPersonalData(userRef: string): Promise<JsonObject | undefined> {
    const [work, sessions, facts, outcomes, starts] = await Promise.all([
      this.db('ev_peer_monthly')
        .where({ peer_ref: userRef })
        .orderBy(['month', 'region', 'unit', 'type'])
        .select('month', 'region', 'unit', 'type', 'assignments', 'minutes'),
      this.db('ev_support_sessions')
        .where({ supporter_ref: userRef })
        .orderBy('date')
        .select(
          'id',
          'date',
          'unit',
          'region',
          'mode',
          'minutes',
          'topic',
          'kind',
          'created_at',
        ),
      this.factsNaming(this.db, userRef),
      this.db('ev_outcomes')
        .where({ updated_by: userRef })
        .orderBy(['unit', 'period_start'])
        .select('unit', 'period_start', 'period_end', 'updated_at'),
      this.db('ev_unit_starts')
        .where({ updated_by: userRef })
        .orderBy('unit')
        .select('unit', 'started_on', 'updated_at'),
    ]);
    if (
      !work.length &&
      !sessions.length &&
      !facts.length &&
      !outcomes.length &&
      !starts.length
    ) {
      return undefined;
    }
    return JSON.parse(
      JSON.stringify({
        ownWorkByMonth: work.map(r => ({
          month: r.month,
          region: r.region,
          unit: r.unit,
          type: r.type,
          assignments: Number(r.assignments),
          minutes: Number(r.minutes),
        })),
        supportSessions: sessions.map(toSession),
        activityFacts: facts.map(({ fact }) => ({
          kind: fact.kind,
          assignmentId: fact.assignmentId,
          workDate: fact.workDate,
          unit: fact.unit,
          actualMinutes: fact.peers?.find(p => p.peerRef === userRef)
            ?.actualMinutes,
        })),
        outcomesEntered: outcomes.map(r => ({
          unit: r.unit,
          periodStart: r.period_start,
          periodEnd: r.period_end,
          updatedAt: r.updated_at,
        })),
        unitStartsEntered: starts.map(r => ({
          unit: r.unit,
          startedOn: r.started_on,
          updatedAt: r.updated_at,
        })),
      }),
    );
  }

  /**
   * Replaces the person by the pseudonym in every row, in one transaction;
   * a second run finds nothing. Nothing is deleted: each row is part of a
   * figure on the dashboards.
   */
  async erasePersonalData(
    userRef: string,
    options: ErasureOptions = {},
  ): Promise<ErasureReport> {
    const pseudonym = options.pseudonym ?? `user:erased/${randomUUID()}`;
    return this.db.transaction(async tx => {
      let anonymised = 0;
      anonymised += await this.renamePerson(tx, userRef, pseudonym);
      anonymised += await this.movePeerMonths(tx, userRef, pseudonym);
      for (const { id, fact } of await this.factsNaming(tx, userRef)) {
        fact.peers = fact.peers!.map(p =>
          p.peerRef === userRef ? { ...p, peerRef: pseudonym } : p,
        );
        anonymised += await tx('ev_facts')
          .where({ id })
          .update({ payload: JSON.stringify(fact) });
      }
      anonymised += await tx('ev_support_sessions')
        .where({ supporter_ref: userRef })
        .update({ supporter_ref: pseudonym });
      for (const table of ['ev_outcomes', 'ev_unit_starts']) {
        anonymised += await tx(table)
          .where({ updated_by: userRef })
          .update({ updated_by: pseudonym });
      }
      return {
        erased: 0,
        anonymised,
        kept: anonymised
          ? [
              {
                what: 'figures of the dashboards (work, sessions, outcomes)',
                reason:
                  'Kept without the person: the evaluation counts them under a pseudonym that points to nobody',
                code: 'evaluation-figures',
              },
            ]
          : [],
      };
    });
  }

  /** The assignment facts that name the person, parsed. */
  private async factsNaming(db: Knex, userRef: string) {
    const rows = await db('ev_facts')
      .where({ source: 'assignments' })
      .whereRaw("payload LIKE ? ESCAPE '\\'", [
        `%${escapeLike(JSON.stringify(userRef))}%`,
      ])
      .orderBy('id')
      .select('id', 'payload');
    return rows
      .map(r => ({ id: r.id, fact: JSON.parse(r.payload) as AssignmentFact }))
      .filter(({ fact }) => fact.peers?.some(p => p.peerRef === userRef));
  }

  /**
   * The person's number in the people sets stands for the pseudonym from
   * now on. If the pseudonym has a number already (facts erased first by
   * the board arrived since), the person's number is moved into it in every
   * set, so that nobody counts twice.
   */
  private async renamePerson(
    tx: Knex.Transaction,
    userRef: string,
    pseudonym: string,
  ): Promise<number> {
    const person = await tx('ev_people').where({ ref: userRef }).first();
    if (!person) return 0;
    const existing = await tx('ev_people').where({ ref: pseudonym }).first();
    if (!existing) {
      return tx('ev_people')
        .where({ id: person.id })
        .update({ ref: pseudonym });
    }
    const from = Number(person.id);
    const to = Number(existing.id);
    const byte = from >> 3;
    const bit = 1 << (from & 7);
    // Rare (only facts that crossed the board's erasure), so the whole
    // table is read, locked where the database can: a row is named by all
    // its columns but the set, whatever the rollup's keys are.
    const query = tx('ev_cells').select('*');
    if (tx.client.config.client === 'pg') query.forUpdate();
    let moved = 0;
    for (const cell of await query) {
      const people: Uint8Array | null = cell.people;
      if (!people || people.length <= byte || !(people[byte] & bit)) continue;
      const members = membersOf(people).filter(n => n !== from);
      members.push(to);
      const { people: _old, ...identity } = cell;
      const updated = await tx('ev_cells')
        .where(identity)
        .update({ people: withMembers(null, members).set });
      if (updated !== 1) {
        throw new Error(
          'A rollup cell changed during the erasure; run it again',
        );
      }
      moved++;
    }
    await tx('ev_people').where({ id: from }).delete();
    return moved + 1;
  }

  /** The person's own monthly figures become the pseudonym's. */
  private async movePeerMonths(
    tx: Knex.Transaction,
    userRef: string,
    pseudonym: string,
  ): Promise<number> {
    const rows = await tx('ev_peer_monthly').where({ peer_ref: userRef });
    await addTo(
      tx,
      'ev_peer_monthly',
      PEER_KEYS,
      rows.map(r => ({
        month: r.month,
        region: r.region,
        unit: r.unit,
        type: r.type,
        peer_ref: pseudonym,
        assignments: Number(r.assignments),
        minutes: Number(r.minutes),
      })),
    );
    await tx('ev_peer_monthly').where({ peer_ref: userRef }).delete();
    return rows.length;
  }
}
