// @ts-check

/**
 * The peer directory's tables. Lived experience (`experience`, `story`) is
 * health data: it is returned only with consent, and the consent ledger
 * keeps every change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pd_profiles', table => {
    table.comment('One profile per person in the peer network');
    table.string('id', 36).primary().comment('UUID');
    table
      .string('user_ref', 255)
      .notNullable()
      .unique()
      .comment('Catalog user entity ref');
    table.string('display_name', 100).notNullable();
    table
      .string('sort_name', 100)
      .notNullable()
      .comment('display_name folded for sorting and prefix search');
    table.string('role', 20).notNullable().comment('peer | peer-supporter');
    table
      .string('region', 100)
      .notNullable()
      .comment('Catalog group name of the region');
    table.string('availability', 20).notNullable().defaultTo('available');
    table
      .string('paused_until', 10)
      .nullable()
      .comment('YYYY-MM-DD while availability is paused');
    table
      .string('membership_status', 20)
      .notNullable()
      .comment('interested | in-training | active | paused | left');
    table
      .text('experience')
      .notNullable()
      .defaultTo('[]')
      .comment('SENSITIVE: JSON array of own | relative');
    table
      .text('story')
      .notNullable()
      .defaultTo('')
      .comment('SENSITIVE: short personal story');
    table.boolean('consent_experience').notNullable().defaultTo(false);
    table.boolean('consent_story').notNullable().defaultTo(false);
    table
      .text('search_text')
      .notNullable()
      .defaultTo('')
      .comment('Folded name, region, units, languages');
    table
      .text('search_story')
      .nullable()
      .comment('Folded story; null unless the story is consented');
    table
      .text('interest_message')
      .nullable()
      .comment('Message given when registering interest');
    table.string('registered_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(
      ['membership_status', 'sort_name', 'id'],
      'pd_profiles_listing_idx',
    );
    table.index(['region'], 'pd_profiles_region_idx');
  });

  await knex.schema.createTable('pd_profile_tags', table => {
    table.comment(
      'Multi-valued profile fields: units, languages, modes, topics, assignment types',
    );
    table
      .string('profile_id', 36)
      .notNullable()
      .references('id')
      .inTable('pd_profiles')
      .onDelete('CASCADE');
    table
      .string('kind', 20)
      .notNullable()
      .comment('unit | language | mode | topic | assignment-type');
    table.string('value', 100).notNullable();
    table.primary(['profile_id', 'kind', 'value']);
    table.index(['kind', 'value', 'profile_id'], 'pd_profile_tags_lookup_idx');
  });

  await knex.schema.createTable('pd_trainings', table => {
    table.comment(
      'Training records: NSPH course, Recovery College, supervision, other',
    );
    table.string('id', 36).primary();
    table
      .string('profile_id', 36)
      .notNullable()
      .references('id')
      .inTable('pd_profiles')
      .onDelete('CASCADE');
    table.string('kind', 40).notNullable();
    table.string('completed_on', 10).notNullable().comment('YYYY-MM-DD');
    table.boolean('certified').notNullable().defaultTo(false);
    table.string('note', 500).nullable();
    table.string('recorded_by', 255).notNullable();
    table.string('recorded_at', 30).notNullable();
    table.index(['profile_id'], 'pd_trainings_profile_idx');
    table.index(['kind', 'profile_id'], 'pd_trainings_kind_idx');
  });

  await knex.schema.createTable('pd_status_history', table => {
    table.comment('Every change of membership status');
    table.increments('id');
    table
      .string('profile_id', 36)
      .notNullable()
      .references('id')
      .inTable('pd_profiles')
      .onDelete('CASCADE');
    table.string('status', 20).notNullable();
    table.string('reason', 500).nullable();
    table.string('changed_by', 255).notNullable();
    table.string('changed_at', 30).notNullable();
    table.index(['profile_id'], 'pd_status_history_profile_idx');
  });

  await knex.schema.createTable('pd_consent_ledger', table => {
    table.comment(
      'When consent to show a sensitive field was given or withdrawn',
    );
    table.increments('id');
    table
      .string('profile_id', 36)
      .notNullable()
      .references('id')
      .inTable('pd_profiles')
      .onDelete('CASCADE');
    table.string('field', 20).notNullable().comment('experience | story');
    table.boolean('granted').notNullable();
    table.string('at', 30).notNullable();
    table.index(['profile_id'], 'pd_consent_ledger_profile_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pd_consent_ledger');
  await knex.schema.dropTable('pd_status_history');
  await knex.schema.dropTable('pd_trainings');
  await knex.schema.dropTable('pd_profile_tags');
  await knex.schema.dropTable('pd_profiles');
};
