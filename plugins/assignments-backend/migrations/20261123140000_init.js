// @ts-check

/**
 * The assignment board's tables. Times are UTC instants as ISO 8601 text
 * (they sort as text); days are YYYY-MM-DD in Europe/Stockholm. Money is in
 * whole öre.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('as_assignments', table => {
    table.comment('Assignments booked through the booking form');
    table.string('id', 36).primary().comment('UUID');
    table.string('title', 120).notNullable();
    table.string('type', 40).notNullable();
    table.text('description').notNullable();
    table.string('unit', 100).notNullable().comment('Catalog group name');
    table.string('region', 100).notNullable().comment("The unit's region");
    table.string('contact_name', 100).notNullable();
    table.string('contact_email', 200).notNullable();
    table.string('contact_phone', 30).nullable();
    table.string('place', 200).nullable();
    table.string('digital_link', 500).nullable();
    table.integer('estimated_minutes').notNullable();
    table.integer('peers_wanted').notNullable();
    table.string('experience_wanted', 10).notNullable();
    table.string('language', 10).notNullable();
    table.string('interest_deadline', 10).notNullable();
    table.string('cost_centre', 20).notNullable();
    table.string('state', 20).notNullable();
    table.text('review_note').nullable();
    table
      .string('first_start', 24)
      .notNullable()
      .comment('Start of the earliest slot (sorting, date filters)');
    table.string('last_end', 24).notNullable();
    table
      .integer('selected_count')
      .notNullable()
      .defaultTo(0)
      .comment('Peers selected; checked against peers_wanted under a lock');
    table.integer('interest_count').notNullable().defaultTo(0);
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.string('updated_at', 24).notNullable();
    table
      .text('search_text')
      .notNullable()
      .comment('Title, unit and description folded for free-text search');
    table.index(['state', 'first_start', 'id'], 'as_assignments_state_start');
    table.index(
      ['state', 'interest_deadline', 'first_start', 'id'],
      'as_assignments_state_deadline',
    );
    table.index(
      ['state', 'region', 'first_start', 'id'],
      'as_assignments_state_region',
    );
    table.index(['unit', 'first_start', 'id'], 'as_assignments_unit');
    table.index(['created_by'], 'as_assignments_created_by');
  });

  await knex.schema.createTable('as_slots', table => {
    table.comment('Time slots of an assignment');
    table
      .string('assignment_id', 36)
      .notNullable()
      .references('id')
      .inTable('as_assignments')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('start_at', 24).notNullable();
    table.string('end_at', 24).notNullable();
    table.primary(['assignment_id', 'position']);
  });

  await knex.schema.createTable('as_interests', table => {
    table.comment('Peers who showed interest, and who was selected');
    table
      .string('assignment_id', 36)
      .notNullable()
      .references('id')
      .inTable('as_assignments')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.string('display_name', 100).notNullable();
    table.text('message').nullable();
    table
      .string('status', 20)
      .notNullable()
      .comment('interested | selected | withdrawn');
    table.string('created_at', 24).notNullable();
    table.string('updated_at', 24).notNullable();
    table.primary(['assignment_id', 'user_ref']);
    table.index(['user_ref', 'status'], 'as_interests_user');
  });

  await knex.schema.createTable('as_bookings', table => {
    table.comment(
      'Time a selected peer is booked: one row per slot, for the overlap check',
    );
    table.string('user_ref', 255).notNullable();
    table
      .string('assignment_id', 36)
      .notNullable()
      .references('id')
      .inTable('as_assignments')
      .onDelete('CASCADE');
    table.string('start_at', 24).notNullable();
    table.string('end_at', 24).notNullable();
    table.index(['user_ref', 'start_at'], 'as_bookings_user_start');
    table.index(['assignment_id'], 'as_bookings_assignment');
  });

  await knex.schema.createTable('as_history', table => {
    table.comment('Every change of an assignment, for its history');
    table.increments('id');
    table
      .string('assignment_id', 36)
      .notNullable()
      .references('id')
      .inTable('as_assignments')
      .onDelete('CASCADE');
    table.string('at', 24).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 40).notNullable();
    table.string('from_state', 20).nullable();
    table.string('to_state', 20).nullable();
    table.text('note').nullable();
    table
      .string('subject_ref', 255)
      .nullable()
      .comment(
        'The peer an entry is about (selection): shown only to coordinators, the unit and that peer',
      );
    table.index(['assignment_id', 'id'], 'as_history_assignment');
  });

  await knex.schema.createTable('as_feedback', table => {
    table.comment('Feedback after an assignment, from the peers and the unit');
    table
      .string('assignment_id', 36)
      .notNullable()
      .references('id')
      .inTable('as_assignments')
      .onDelete('CASCADE');
    table.string('author_ref', 255).notNullable();
    table.string('author_kind', 10).notNullable().comment('peer | unit');
    table.integer('rating').notNullable();
    table.text('comment').nullable();
    table.string('created_at', 24).notNullable();
    table.primary(['assignment_id', 'author_ref']);
  });

  await knex.schema.createTable('as_export_batches', table => {
    table.comment('Payroll exports: what was sent to payroll, and when');
    table.string('id', 36).primary();
    table.string('period_from', 10).notNullable();
    table.string('period_to', 10).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 24).notNullable();
    table.integer('row_count').notNullable();
    table.bigInteger('total_ore').notNullable();
  });

  await knex.schema.createTable('as_honoraria', table => {
    table.comment('Honoraria owed to peers, in whole öre');
    table.string('id', 36).primary();
    table
      .string('assignment_id', 36)
      .notNullable()
      .references('id')
      .inTable('as_assignments')
      .onDelete('CASCADE');
    table.string('peer_ref', 255).notNullable();
    table.string('peer_name', 100).notNullable();
    table.string('cost_centre', 20).notNullable();
    table.string('work_date', 10).notNullable();
    table.integer('actual_minutes').notNullable();
    table.string('band', 40).notNullable();
    table.integer('fee_ore').notNullable();
    table.integer('travel_ore').notNullable();
    table.integer('total_ore').notNullable();
    table
      .string('state', 20)
      .notNullable()
      .comment('pending | approved | exported');
    table.string('approved_by', 255).nullable();
    table.string('approved_at', 24).nullable();
    table.string('exported_at', 24).nullable();
    table
      .string('export_batch_id', 36)
      .nullable()
      .references('id')
      .inTable('as_export_batches');
    table.unique(['assignment_id', 'peer_ref']);
    table.index(['state', 'work_date'], 'as_honoraria_state_date');
    table.index(['export_batch_id'], 'as_honoraria_batch');
  });

  await knex.schema.createTable('as_facts', table => {
    table.comment(
      'Outbox of facts for the evaluation dashboards (GET /facts and events)',
    );
    table.increments('seq');
    table.string('kind', 40).notNullable();
    table.string('assignment_id', 36).notNullable();
    table.string('occurred_at', 24).notNullable();
    table.text('payload').notNullable().comment('JSON, no free text');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'as_facts',
    'as_honoraria',
    'as_export_batches',
    'as_feedback',
    'as_history',
    'as_bookings',
    'as_interests',
    'as_slots',
    'as_assignments',
  ]) {
    await knex.schema.dropTable(name);
  }
};
