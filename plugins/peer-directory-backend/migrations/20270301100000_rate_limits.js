/*
 * Per-person rate limits (reliability suite, issue 10): one counter per
 * person, kind of request and fixed window, in the plugin's own table so
 * that the limit holds across replicas (portal-node RateLimiter).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('pd_rate_limits', table => {
    table.comment('Requests per person and window, for rate limits');
    table
      .string('bucket', 40)
      .notNullable()
      .comment('The kind of request limited, e.g. booking');
    table
      .string('user_ref', 255)
      .notNullable()
      .comment('Catalog user entity ref of the person');
    table
      .bigInteger('window_start')
      .notNullable()
      .comment('Start of the fixed window, milliseconds since 1970 (UTC)');
    table
      .integer('count')
      .notNullable()
      .defaultTo(0)
      .comment('Requests counted in the window');
    table.primary(['bucket', 'user_ref', 'window_start']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pd_rate_limits');
};
