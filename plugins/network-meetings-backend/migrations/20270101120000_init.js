// @ts-check

/**
 * The network meeting calendar's tables. Instants are timestamps (UTC);
 * wall-clock times are computed in Europe/Stockholm when read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('nm_meetings', table => {
    table.comment('A meeting, or a series of meetings that repeats');
    table.string('id', 36).primary().comment('UUID');
    table.string('title', 200).notNullable();
    table
      .string('kind', 40)
      .notNullable()
      .comment(
        'network-meeting | supervision-group | recovery-college | nordic-cooperation | other',
      );
    table.text('agenda').notNullable().defaultTo('[]').comment('JSON array');
    table.string('place', 300).nullable();
    table.string('video_url', 500).nullable();
    table
      .string('region', 100)
      .nullable()
      .comment('Catalog group name of the region; null for all regions');
    table
      .string('audience', 20)
      .notNullable()
      .comment('peers | peer-supporters | everyone');
    table.integer('capacity').nullable().comment('Places; null for no limit');
    table
      .text('recurrence')
      .nullable()
      .comment('JSON of the recurrence as given; null for a single meeting');
    table
      .string('rrule', 500)
      .nullable()
      .comment('The RRULE the occurrences were expanded from (wall time)');
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('nm_occurrences', table => {
    table.comment(
      'Each meeting of the calendar: a single meeting, or one of a series. RSVPs are per occurrence.',
    );
    table
      .string('id', 60)
      .primary()
      .comment('Meeting id, or <meeting id>_<YYYYMMDD> in a series');
    table
      .string('meeting_id', 36)
      .notNullable()
      .references('id')
      .inTable('nm_meetings')
      .onDelete('CASCADE');
    table
      .timestamp('planned_start', { useTz: true })
      .notNullable()
      .comment('Start as the series planned it');
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('ends_at', { useTz: true }).notNullable();
    table
      .string('rsvp_deadline', 10)
      .nullable()
      .comment('Last day to answer, YYYY-MM-DD in Europe/Stockholm');
    table
      .string('status', 20)
      .notNullable()
      .defaultTo('scheduled')
      .comment('scheduled | cancelled');
    table
      .integer('rsvp_seq')
      .notNullable()
      .defaultTo(0)
      .comment('Arrival counter of yeses: waitlist order');
    table.timestamp('attendance_recorded_at', { useTz: true }).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['starts_at', 'id'], 'nm_occurrences_time_idx');
    table.index(['meeting_id'], 'nm_occurrences_meeting_idx');
  });

  await knex.schema.createTable('nm_rsvps', table => {
    table.comment('One answer per person and occurrence');
    table
      .string('occurrence_id', 60)
      .notNullable()
      .references('id')
      .inTable('nm_occurrences')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.string('answer', 10).notNullable().comment('yes | no | maybe');
    table
      .string('status', 20)
      .notNullable()
      .comment('confirmed | waitlisted | declined | maybe');
    table
      .integer('queue_seq')
      .nullable()
      .comment('Arrival order of the yes (rsvp_seq of the occurrence)');
    table
      .string('needs', 500)
      .notNullable()
      .defaultTo('')
      .comment('Diet, accessibility: organisers and the person only');
    table.boolean('attended').nullable();
    table.timestamp('answered_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['occurrence_id', 'user_ref']);
    table.index(['user_ref'], 'nm_rsvps_user_idx');
    table.index(['occurrence_id', 'status', 'queue_seq'], 'nm_rsvps_queue_idx');
  });

  await knex.schema.createTable('nm_feed_tokens', table => {
    table.comment(
      'Private calendar subscription tokens; only the hash is kept',
    );
    table.string('user_ref', 255).primary();
    table
      .string('token_hash', 64)
      .notNullable()
      .unique()
      .comment('SHA-256 of the token, hex');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('nm_reminders_sent', table => {
    table.comment('Reminders sent, so that none is sent twice');
    table
      .string('occurrence_id', 60)
      .notNullable()
      .references('id')
      .inTable('nm_occurrences')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.string('kind', 10).notNullable().comment('week | day');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['occurrence_id', 'user_ref', 'kind']);
    table.index(['user_ref'], 'nm_reminders_sent_user_idx');
  });

  await knex.schema.createTable('nm_attendance_facts', table => {
    table.comment(
      'Attendance counts of meetings held, without names; the id is the cursor of GET /facts',
    );
    table.increments('id');
    table.string('occurrence_id', 60).notNullable();
    table.string('meeting_id', 36).notNullable();
    table.string('kind', 40).notNullable();
    table.string('region', 100).nullable();
    table.string('audience', 20).notNullable();
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.integer('confirmed').notNullable();
    table.integer('attended').notNullable();
    table.integer('absent').notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('nm_attendance_facts');
  await knex.schema.dropTable('nm_reminders_sent');
  await knex.schema.dropTable('nm_feed_tokens');
  await knex.schema.dropTable('nm_rsvps');
  await knex.schema.dropTable('nm_occurrences');
  await knex.schema.dropTable('nm_meetings');
};
