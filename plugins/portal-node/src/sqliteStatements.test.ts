import knexFactory, { Knex } from 'knex';
import { cacheSqliteStatements } from './sqliteStatements';

const Database = require('better-sqlite3');

describe('cacheSqliteStatements', () => {
  let knex: Knex;
  let prepare: jest.SpyInstance;

  async function open(max: number) {
    await knex?.destroy();
    knex = cacheSqliteStatements(
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: ':memory:' },
        useNullAsDefault: true,
        pool: { min: 1, max: 1 },
      }),
      max,
    );
    await knex.schema.createTable('t', table => {
      table.integer('id').primary();
      table.string('name');
    });
    await knex('t').insert([
      { id: 1, name: 'Åsa' },
      { id: 2, name: 'Omar' },
    ]);
    prepare.mockClear();
  }

  beforeEach(async () => {
    prepare = jest.spyOn(Database.prototype, 'prepare');
    await open(100);
  });

  afterEach(async () => {
    await knex.destroy();
    prepare.mockRestore();
  });

  const names = (id: number) => knex('t').where('id', id).pluck('name');

  it('prepares a query once and binds each call anew', async () => {
    expect(await names(1)).toEqual(['Åsa']);
    expect(await names(2)).toEqual(['Omar']);
    expect(await names(3)).toEqual([]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('keeps statements inside transactions, and rolls back', async () => {
    await names(1);
    await expect(
      knex.transaction(async trx => {
        await trx('t').where('id', 1).update({ name: 'Elin' });
        expect(await trx('t').where('id', 1).pluck('name')).toEqual(['Elin']);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await names(1)).toEqual(['Åsa']);
    const sql = prepare.mock.calls.map(([text]) => text);
    // The select inside the transaction is the one prepared before it.
    expect(sql.filter(s => s.startsWith('select'))).toHaveLength(1);
  });

  it('follows schema changes', async () => {
    expect(await knex('t').where('id', 1).first()).toEqual({
      id: 1,
      name: 'Åsa',
    });
    await knex.schema.alterTable('t', table => table.string('unit'));
    await knex('t').where('id', 1).update({ unit: 'avd-3' });
    expect(await knex('t').where('id', 1).first()).toEqual({
      id: 1,
      name: 'Åsa',
      unit: 'avd-3',
    });
  });

  it('keeps at most the given number of statements per connection', async () => {
    // Four: the set-up's create table and insert are the first two.
    await open(4);
    for (const column of ['id', 'name', 'id', 'name']) {
      await knex('t').select(column);
    }
    expect(prepare).toHaveBeenCalledTimes(2);
    // A fifth statement starts the cache over; the first four are gone.
    await knex('t').count();
    await knex('t').select('id');
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('leaves other clients alone', async () => {
    const pg = knexFactory({ client: 'pg' });
    const acquire = pg.client.acquireConnection;
    expect(cacheSqliteStatements(pg).client.acquireConnection).toBe(acquire);
    await pg.destroy();
  });
});
