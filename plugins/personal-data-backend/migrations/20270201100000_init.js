// @ts-check

/**
 * The personal-data service's tables: erasure requests and their run per
 * plugin, and the runs of the retention rules. Instants are UTC ISO 8601
 * text (they sort as text). What the person's data is lives in the plugins
 * that hold it; here is only who asked, who decided, and what each plugin
 * reported.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pdata_erasure_requests', table => {
    table.comment(
      'Requests to erase the data of a person: asked by the person (confirmed or rejected by a coordinator) or required by the retention rules',
    );
    table.string('id', 36).primary().comment('UUID');
    table
      .string('user_ref', 255)
      .notNullable()
      .comment(
        'The person whose data is erased (kept as proof of the erasure)',
      );
    table.string('display_name', 200).notNullable();
    table.string('origin', 20).notNullable().comment('person | retention');
    table
      .string('status', 20)
      .notNullable()
      .comment('pending | rejected | in-progress | completed');
    table.string('requested_at', 24).notNullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 24).nullable();
    table.text('reject_reason').nullable();
    table.string('completed_at', 24).nullable();
    table
      .string('pseudonym', 255)
      .nullable()
      .comment(
        'The reference that replaces the person in countable records, during the run only (cleared when it completes)',
      );
    table
      .string('lease_until', 24)
      .nullable()
      .comment(
        'A run holds the request until then (one run at a time across replicas)',
      );
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.string('updated_at', 24).notNullable();
    table.index(['requested_at', 'id'], 'pdata_erasure_requests_time');
    table.index(['status', 'requested_at'], 'pdata_erasure_requests_status');
    table.index(['user_ref'], 'pdata_erasure_requests_user');
  });
  // At most one open request per person, even when two arrive at once.
  await knex.raw(
    "CREATE UNIQUE INDEX pdata_erasure_requests_one_open ON pdata_erasure_requests (user_ref) WHERE status IN ('pending', 'in-progress')",
  );

  await knex.schema.createTable('pdata_erasure_steps', table => {
    table.comment('The part of one plugin in an erasure, and what it reported');
    table
      .string('request_id', 36)
      .notNullable()
      .references('id')
      .inTable('pdata_erasure_requests')
      .onDelete('CASCADE');
    table.string('plugin_id', 100).notNullable();
    table.integer('position').notNullable().comment('Order of the run');
    table.string('status', 20).notNullable().comment('pending | done | failed');
    table.integer('erased').nullable();
    table.integer('anonymised').nullable();
    table
      .text('kept')
      .nullable()
      .comment('JSON: records kept, each with the reason');
    table.text('error').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.string('finished_at', 24).nullable();
    table.primary(['request_id', 'plugin_id']);
  });

  await knex.schema.createTable('pdata_retention_runs', table => {
    table.comment('Each run of the retention rules, and what it removed');
    table.increments('id');
    table.string('trigger', 20).notNullable().comment('schedule | manual');
    table.string('started_by', 255).nullable();
    table.string('started_at', 24).notNullable();
    table.string('finished_at', 24).nullable();
    table
      .string('status', 20)
      .notNullable()
      .comment('running | completed | incomplete');
    table.text('policy').notNullable().comment('JSON: the periods applied');
    table
      .text('plugins')
      .notNullable()
      .defaultTo('[]')
      .comment('JSON: what each plugin removed, counts only');
    table.integer('erasures').notNullable().defaultTo(0);
    table.integer('erasure_records_removed').notNullable().defaultTo(0);
    table.index(['started_at'], 'pdata_retention_runs_time');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pdata_retention_runs');
  await knex.schema.dropTable('pdata_erasure_steps');
  await knex.schema.dropTable('pdata_erasure_requests');
};
