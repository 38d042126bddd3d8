// @ts-check

const SUMS = [
  'assignments',
  'minutes',
  'honoraria_ore',
  'feedback_count',
  'feedback_sum',
];

/** Session modes as column names. */
const MODES = ['ward', 'outpatient', 'video', 'walk_and_talk'];

/**
 * Rollup cells per month and per year, with support sessions.
 *
 * A query over years read one row per month and cell (4,200 rows for ten
 * years by assignment type); now ev_cells also keeps a row per calendar
 * year, and a period is read as its whole years plus the months around
 * them (at most 31 periods). Support sessions move into the cells too
 * (a count per mode, on the levels without a type), replacing
 * ev_session_monthly, so that one read answers a query.
 *
 * The people and units are numbered again, densely: the first version
 * took numbers from the sequence on every ingestion, also for names it had
 * already numbered, which made the sets sparse and three times as large.
 *
 *   level: 0 region; 1 + unit; 2 + assignment type; 3 + unit and type
 *   span:  'month' (period YYYY-MM) or 'year' (period YYYY)
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const old = await knex('ev_cells')
    .select(
      'month',
      'region',
      'unit',
      'type',
      'assignments',
      'minutes',
      'honoraria_ore',
      'feedback_count',
      'feedback_sum',
    )
    .where('level', 3);
  const sessions = await knex('ev_session_monthly').select(
    'month',
    'region',
    'unit',
    'mode',
    'sessions',
  );

  await knex.schema.dropTable('ev_cells');
  await knex.schema.dropTable('ev_people');
  await knex.schema.dropTable('ev_units');
  await knex.schema.dropTable('ev_session_monthly');

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
      'Rollup of assignment facts and support sessions per month and per year, per region and unit and/or type (see level), with the sets of people and units behind each cell',
    );
    table
      .smallint('level')
      .notNullable()
      .comment('0 region; 1 + unit; 2 + type; 3 + unit and type');
    table.string('span', 5).notNullable().comment("'month' or 'year'");
    table
      .string('period', 7)
      .notNullable()
      .comment('YYYY-MM for a month, YYYY for a year (Europe/Stockholm)');
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
    for (const mode of MODES) {
      table
        .integer(`sessions_${mode}`)
        .notNullable()
        .defaultTo(0)
        .comment(
          `Support sessions, mode ${mode} (levels 0 and 1 only: sessions have no type)`,
        );
    }
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
    table.primary(['level', 'span', 'period', 'region', 'unit', 'type']);
    table.index(['level', 'span', 'unit', 'period'], 'ev_cells_by_unit');
    table.index(['level', 'span', 'type', 'period'], 'ev_cells_by_type');
  });

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
    [
      ...new Set(old.filter(r => Number(r.assignments) > 0).map(r => r.unit)),
    ].sort(),
  );

  /** @type {Map<string, any>} */
  const cells = new Map();
  /**
   * @param {{month: string, region: string, unit: string, type: string}} r
   * @param {number[]} levels
   */
  const cellsOf = (r, levels) =>
    levels.flatMap(level =>
      [
        ['month', r.month],
        ['year', r.month.slice(0, 4)],
      ].map(([span, period]) => {
        const unit = level & 1 ? r.unit : '*';
        const type = level & 2 ? r.type : '*';
        const key = `${level}|${span}|${period}|${r.region}|${unit}|${type}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = {
            level,
            span,
            period,
            region: r.region,
            unit,
            type,
            assignments: 0,
            minutes: 0,
            honoraria_ore: 0,
            feedback_count: 0,
            feedback_sum: 0,
            ...Object.fromEntries(MODES.map(m => [`sessions_${m}`, 0])),
            people: [],
            units: [],
          };
          cells.set(key, cell);
        }
        return cell;
      }),
    );
  for (const r of old) {
    for (const cell of cellsOf(r, [0, 1, 2, 3])) {
      for (const c of SUMS) cell[c] += Number(r[c]);
      if (Number(r.assignments) > 0) cell.units.push(units.get(r.unit));
    }
  }
  for (const r of sessions) {
    const column = `sessions_${r.mode.replace(/-/g, '_')}`;
    for (const cell of cellsOf({ ...r, type: '*' }, [0, 1])) {
      cell[column] += Number(r.sessions);
    }
  }
  const months = (
    await knex('ev_peer_monthly').distinct('month').orderBy('month')
  ).map(r => r.month);
  for (const month of months) {
    for (const r of await knex('ev_peer_monthly')
      .select('month', 'region', 'unit', 'type', 'peer_ref')
      .where({ month })) {
      const id = people.get(r.peer_ref);
      for (const cell of cellsOf(r, [0, 1, 2, 3])) cell.people.push(id);
    }
  }
  const rows = [...cells.values()].map(c => ({
    ...c,
    people: bitset(c.people),
    units: bitset(c.units),
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await knex('ev_cells').insert(rows.slice(i, i + 100));
  }
};

/**
 * Back to monthly cells without sessions, and ev_session_monthly counted
 * again from the sessions.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const rows = await knex('ev_cells').where('span', 'month');
  await knex.schema.dropTable('ev_cells');
  await knex.schema.createTable('ev_cells', table => {
    table.smallint('level').notNullable();
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table.string('unit', 100).notNullable();
    table.string('type', 40).notNullable();
    table.integer('assignments').notNullable().defaultTo(0);
    table.bigInteger('minutes').notNullable().defaultTo(0);
    table.bigInteger('honoraria_ore').notNullable().defaultTo(0);
    table.integer('feedback_count').notNullable().defaultTo(0);
    table.integer('feedback_sum').notNullable().defaultTo(0);
    table.binary('people').notNullable();
    table.binary('units').notNullable();
    table.primary(['level', 'month', 'region', 'unit', 'type']);
    table.index(['level', 'unit', 'month'], 'ev_cells_unit');
    table.index(['level', 'type', 'month'], 'ev_cells_type');
  });
  const back = rows
    .filter(r => Number(r.assignments) || r.people.length || r.units.length)
    .map(r => ({
      level: r.level,
      month: r.period,
      region: r.region,
      unit: r.unit,
      type: r.type,
      ...Object.fromEntries(SUMS.map(c => [c, r[c]])),
      people: r.people,
      units: r.units,
    }));
  for (let i = 0; i < back.length; i += 100) {
    await knex('ev_cells').insert(back.slice(i, i + 100));
  }
  await knex.schema.createTable('ev_session_monthly', table => {
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table.string('unit', 100).notNullable();
    table.string('mode', 20).notNullable();
    table.integer('sessions').notNullable().defaultTo(0);
    table.bigInteger('minutes').notNullable().defaultTo(0);
    table.integer('first_sessions').notNullable().defaultTo(0);
    table.primary(['month', 'region', 'unit', 'mode']);
  });
  await knex.raw(
    `INSERT INTO ev_session_monthly (month, region, unit, mode, sessions, minutes, first_sessions)
     SELECT month, region, unit, mode, count(*), sum(minutes), sum(CASE WHEN kind = 'first' THEN 1 ELSE 0 END)
     FROM ev_support_sessions GROUP BY month, region, unit, mode`,
  );
};

/**
 * Gives each name a number (1, 2, … in the order given) and returns them.
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
