// @ts-check

/**
 * The evaluation's tables. Months are `YYYY-MM` and days `YYYY-MM-DD` in
 * Europe/Stockholm; instants are UTC ISO 8601 text; money in whole öre.
 * The rollups (ev_activity_monthly, ev_peer_monthly, ev_session_monthly,
 * ev_meeting_monthly) are kept up to date in the same transaction as the
 * row that changes them, so that the dashboards never scan raw facts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ev_facts', table => {
    table.comment(
      'Activity facts received from other plugins (events or their /facts API), each once',
    );
    table.bigIncrements('id').primary();
    table
      .string('source', 40)
      .notNullable()
      .comment('Plugin id the fact came from');
    table
      .bigInteger('seq')
      .notNullable()
      .comment("The source's monotonic position of the fact");
    table.string('kind', 40).notNullable();
    table
      .string('subject_id', 100)
      .notNullable()
      .comment('Assignment id or meeting occurrence id');
    table
      .string('month', 7)
      .notNullable()
      .comment('The month the activity belongs to (Europe/Stockholm)');
    table.text('payload').notNullable().comment('The fact as received (JSON)');
    table.string('ingested_at', 24).notNullable();
    table.unique(['source', 'seq', 'kind', 'subject_id'], {
      indexName: 'ev_facts_key',
    });
  });

  await knex.schema.createTable('ev_cursors', table => {
    table.comment('How far the scheduled pull has read each source');
    table.string('source', 40).primary();
    table.string('position', 40).notNullable();
    table.string('updated_at', 24).notNullable();
  });

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

  await knex.schema.createTable('ev_peer_monthly', table => {
    table.comment(
      'Who worked in which cell (for distinct counts and a peer’s own figures); never listed by the API',
    );
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table.string('unit', 100).notNullable();
    table.string('type', 40).notNullable();
    table.string('peer_ref', 255).notNullable();
    table.integer('assignments').notNullable().defaultTo(0);
    table.bigInteger('minutes').notNullable().defaultTo(0);
    table.primary(['month', 'region', 'unit', 'type', 'peer_ref']);
    table.index(['peer_ref', 'month'], 'ev_peer_monthly_peer');
  });

  await knex.schema.createTable('ev_support_sessions', table => {
    table.comment(
      'Support sessions logged by peer supporters; no patient identity, no free text',
    );
    table.string('id', 36).primary();
    table
      .string('supporter_ref', 255)
      .notNullable()
      .comment('The peer supporter who logged it (their own figures)');
    table.string('date', 10).notNullable();
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table.string('unit', 100).notNullable();
    table.string('mode', 20).notNullable();
    table.integer('minutes').notNullable();
    table.string('topic', 40).notNullable();
    table.string('kind', 20).notNullable().comment('first or follow-up');
    table.string('created_at', 24).notNullable();
    table.index(['supporter_ref', 'date'], 'ev_support_sessions_supporter');
  });

  await knex.schema.createTable('ev_session_monthly', table => {
    table.comment(
      'Rollup of support sessions per month, region, unit and mode',
    );
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table.string('unit', 100).notNullable();
    table.string('mode', 20).notNullable();
    table.integer('sessions').notNullable().defaultTo(0);
    table.bigInteger('minutes').notNullable().defaultTo(0);
    table.integer('first_sessions').notNullable().defaultTo(0);
    table.primary(['month', 'region', 'unit', 'mode']);
  });

  await knex.schema.createTable('ev_meeting_occurrences', table => {
    table.comment(
      'The latest attendance fact of each meeting held (a later fact replaces it)',
    );
    table.string('occurrence_id', 100).primary();
    table.bigInteger('seq').notNullable();
    table.string('month', 7).notNullable();
    table
      .string('region', 100)
      .notNullable()
      .comment('Empty for meetings of all regions');
    table.integer('attended').notNullable();
    table.integer('confirmed').notNullable();
  });

  await knex.schema.createTable('ev_meeting_monthly', table => {
    table.comment('Rollup of network meeting attendance per month and region');
    table.string('month', 7).notNullable();
    table.string('region', 100).notNullable();
    table.integer('meetings').notNullable().defaultTo(0);
    table.integer('attended').notNullable().defaultTo(0);
    table.integer('confirmed').notNullable().defaultTo(0);
    table.primary(['month', 'region']);
  });

  await knex.schema.createTable('ev_unit_starts', table => {
    table.comment('The day each unit started with peer support');
    table.string('unit', 100).primary();
    table.string('region', 100).notNullable();
    table.string('started_on', 10).notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 24).notNullable();
  });

  await knex.schema.createTable('ev_outcomes', table => {
    table.comment(
      'Outcome indicators per unit and period, as aggregates (no patient data)',
    );
    table.string('unit', 100).notNullable();
    table.string('period_start', 10).notNullable();
    table.string('period_end', 10).notNullable();
    table.string('region', 100).notNullable();
    table.integer('inpatient_days').nullable();
    table.integer('admissions').nullable();
    table.integer('readmissions_30d').nullable();
    table.double('average_length_of_stay').nullable();
    table.double('self_stigma_score').nullable();
    table.integer('self_stigma_respondents').nullable();
    table.string('recovery_instrument', 10).nullable();
    table.double('recovery_score').nullable();
    table.integer('recovery_respondents').nullable();
    table.double('staff_attitudes_score').nullable();
    table.integer('staff_attitudes_respondents').nullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 24).notNullable();
    table.primary(['unit', 'period_start', 'period_end']);
    table.index(['region', 'unit'], 'ev_outcomes_region');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'ev_outcomes',
    'ev_unit_starts',
    'ev_meeting_monthly',
    'ev_meeting_occurrences',
    'ev_session_monthly',
    'ev_support_sessions',
    'ev_peer_monthly',
    'ev_activity_monthly',
    'ev_cursors',
    'ev_facts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
