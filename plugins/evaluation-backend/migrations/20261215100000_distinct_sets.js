// @ts-check

/**
 * Rollup cells with the sets of people and units behind them.
 *
 * Counting distinct active peers (and units) over a period used to scan
 * ev_peer_monthly: about 60,000 rows for twelve months at a million facts,
 * ten times that for ten years. Now every rollup cell keeps, next to its
 * sums, the set of people who worked in it and the set of units that had
 * an assignment completed, as bitsets over small numbers (ev_people,
 * ev_units). The distinct count of any union of cells is the number of bits
 * in the OR of their sets, so no query reads more than one row per month
 * and cell, whatever the number of facts.
 *
 * ev_cells holds four levels of the same figures, so that a query reads the
 * coarsest one that answers it:
 *   level 0: month × region                 (unit '*', type '*')
 *   level 1: month × region × unit           (type '*')
 *   level 2: month × region × assignment type (unit '*')
 *   level 3: month × region × unit × type
 *
 * It replaces ev_activity_monthly (level 3 has the same sums); ev_peer_monthly
 * stays for a peer's own figures. Existing data is carried over.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ev_people', table => {
    table.comment(
      'A small number for each peer who has worked, the members of the people sets in ev_cells',
    );
    table.increments('id').primary();
    table.string('ref', 255).notNullable().unique().comment('User entity ref');
  });

  await knex.schema.createTable('ev_units', table => {
    table.comment('A small number for each unit, the members of the unit sets');
    table.increments('id').primary();
    table.string('unit', 100).notNullable().unique();
  });

  await knex.schema.createTable('ev_cells', table => {
    table.comment(
      'Rollup of assignment facts per month and region, and per unit and/or type (see level), with the sets of people and units behind each cell',
    );
    table
      .smallint('level')
      .notNullable()
      .comment('0 region; 1 + unit; 2 + type; 3 + unit and type');
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table
      .string('unit', 100)
      .notNullable()
      .comment("The unit, or '*' (every unit of the region) on levels 0 and 2");
    table
      .string('type', 40)
      .notNullable()
      .comment("The assignment type, or '*' (every type) on levels 0 and 1");
    table.integer('assignments').notNullable().defaultTo(0);
    table
      .bigInteger('minutes')
      .notNullable()
      .defaultTo(0)
      .comment('Minutes worked by all peers');
    table.bigInteger('honoraria_ore').notNullable().defaultTo(0);
    table.integer('feedback_count').notNullable().defaultTo(0);
    table.integer('feedback_sum').notNullable().defaultTo(0);
    table
      .binary('people')
      .notNullable()
      .comment('Bitset of ev_people ids who worked in the cell');
    table
      .binary('units')
      .notNullable()
      .comment(
        'Bitset of ev_units ids with an assignment completed in the cell',
      );
    table.primary(['level', 'month', 'region', 'unit', 'type']);
    table.index(['level', 'unit', 'month'], 'ev_cells_unit');
    table.index(['level', 'type', 'month'], 'ev_cells_type');
  });

  // --- carry the existing rollups over -----------------------------------------
  const people = await registerAll(
    knex,
    'ev_people',
    'ref',
    (
      await knex('ev_peer_monthly').distinct('peer_ref').orderBy('peer_ref')
    ).map(r => r.peer_ref),
  );
  const units = await registerAll(
    knex,
    'ev_units',
    'unit',
    (
      await knex('ev_activity_monthly')
        .distinct('unit')
        .where('assignments', '>', 0)
        .orderBy('unit')
    ).map(r => r.unit),
  );

  /** @type {Map<string, any>} */
  const cells = new Map();
  /** @param {{month: string, region: string, unit: string, type: string}} r */
  const cellsOf = r =>
    [0, 1, 2, 3].map(level => {
      const unit = level & 1 ? r.unit : '*';
      const type = level & 2 ? r.type : '*';
      const key = `${level}|${r.month}|${r.region}|${unit}|${type}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = {
          level,
          month: r.month,
          region: r.region,
          unit,
          type,
          assignments: 0,
          minutes: 0,
          honoraria_ore: 0,
          feedback_count: 0,
          feedback_sum: 0,
          people: [],
          units: [],
        };
        cells.set(key, cell);
      }
      return cell;
    });
  for (const r of await knex('ev_activity_monthly')) {
    for (const cell of cellsOf(r)) {
      for (const c of [
        'assignments',
        'minutes',
        'honoraria_ore',
        'feedback_count',
        'feedback_sum',
      ]) {
        cell[c] += Number(r[c]);
      }
      if (Number(r.assignments) > 0) cell.units.push(units.get(r.unit));
    }
  }
  const months = (
    await knex('ev_peer_monthly').distinct('month').orderBy('month')
  ).map(r => r.month);
  for (const month of months) {
    for (const r of await knex('ev_peer_monthly')
      .select('month', 'region', 'unit', 'type', 'peer_ref')
      .where({ month })) {
      for (const cell of cellsOf(r)) cell.people.push(people.get(r.peer_ref));
    }
  }
  const rows = [...cells.values()].map(c => ({
    ...c,
    people: bitset(c.people),
    units: bitset(c.units),
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await knex('ev_cells').insert(rows.slice(i, i + 200));
  }

  await knex.schema.dropTable('ev_activity_monthly');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('ev_activity_monthly', table => {
    table.comment(
      'Rollup of assignment facts per month, region, unit and assignment type',
    );
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table.string('unit', 100).notNullable();
    table.string('type', 40).notNullable();
    table.integer('assignments').notNullable().defaultTo(0);
    table
      .bigInteger('minutes')
      .notNullable()
      .defaultTo(0)
      .comment('Minutes worked by all peers');
    table.bigInteger('honoraria_ore').notNullable().defaultTo(0);
    table.integer('feedback_count').notNullable().defaultTo(0);
    table.integer('feedback_sum').notNullable().defaultTo(0);
    table.primary(['month', 'region', 'unit', 'type']);
  });
  const columns =
    'month, region, unit, type, assignments, minutes, honoraria_ore, feedback_count, feedback_sum';
  await knex.raw(
    `INSERT INTO ev_activity_monthly (${columns}) SELECT ${columns} FROM ev_cells WHERE level = 3`,
  );
  await knex.schema.dropTable('ev_cells');
  await knex.schema.dropTable('ev_units');
  await knex.schema.dropTable('ev_people');
};

/**
 * Gives each name a number (in the order given) and returns them all.
 *
 * @param {import('knex').Knex} knex
 * @param {string} table
 * @param {string} column
 * @param {string[]} names
 * @returns {Promise<Map<string, number>>}
 */
async function registerAll(knex, table, column, names) {
  for (let i = 0; i < names.length; i += 400) {
    await knex(table).insert(
      names.slice(i, i + 400).map(name => ({ [column]: name })),
    );
  }
  const rows = await knex(table).select('id', column);
  return new Map(rows.map(r => [r[column], Number(r.id)]));
}

/**
 * The bitset of a list of numbers (as the store writes it).
 *
 * @param {number[]} members
 */
function bitset(members) {
  let length = 0;
  for (const n of members) length = Math.max(length, (n >> 3) + 1);
  const set = Buffer.alloc(length);
  for (const n of members) set[n >> 3] |= 1 << (n & 7);
  return set;
}
