import { mockServices } from '@backstage/backend-test-utils';
import { PeerDirectoryCollatorFactory } from './PeerDirectoryCollatorFactory';

async function collect(factory: PeerDirectoryCollatorFactory) {
  const docs: any[] = [];
  for await (const doc of await factory.getCollator()) {
    docs.push(doc);
  }
  return docs;
}

describe('PeerDirectoryCollatorFactory', () => {
  it('pages through the API and indexes public fields only, even if lived experience were sent', async () => {
    const pages: Record<string, unknown> = {
      first: {
        items: [
          {
            id: 'a',
            displayName: 'Åsa Lindqvist',
            role: 'peer',
            region: 'jonkoping',
            units: ['rjl-recovery-college'],
            languages: ['sv', 'fa'],
            supportModes: [],
            assignmentTypes: ['share-story'],
            story: 'SECRET STORY',
            experience: ['own'],
          },
        ],
        nextCursor: 'next',
      },
      next: {
        items: [
          {
            id: 'b',
            displayName: 'Elin Bergström',
            role: 'peer-supporter',
            region: 'skane',
            units: [],
            languages: ['sv'],
            supportModes: ['walk-and-talk'],
            assignmentTypes: [],
          },
        ],
      },
    };
    const urls: string[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      urls.push(url);
      expect((init.headers as Record<string, string>).authorization).toMatch(
        /^Bearer /,
      );
      const body = url.includes('cursor=next') ? pages.next : pages.first;
      return new Response(JSON.stringify(body), { status: 200 });
    }) as unknown as typeof fetch;

    const factory = new PeerDirectoryCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: fakeFetch,
    });
    const docs = await collect(factory);

    expect(urls).toHaveLength(2);
    expect(docs.map(d => d.title)).toEqual(['Åsa Lindqvist', 'Elin Bergström']);
    expect(docs[0]).toMatchObject({
      location: '/peer-directory/profile/a',
      role: 'peer',
      region: 'jonkoping',
    });
    const indexed = JSON.stringify(docs);
    expect(indexed).not.toContain('SECRET STORY');
    expect(indexed).not.toMatch(/"story"|"experience"/);
    expect(docs.every(d => !('story' in d) && !('experience' in d))).toBe(true);
  });

  it('fails loudly when the API refuses', async () => {
    const factory = new PeerDirectoryCollatorFactory({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch: (async () =>
        new Response(
          JSON.stringify({ error: { name: 'NotAllowedError', message: 'no' } }),
          {
            status: 403,
            headers: { 'content-type': 'application/json' },
          },
        )) as unknown as typeof fetch,
    });
    await expect(collect(factory)).rejects.toMatchObject({
      name: 'ResponseError',
    });
  });
});
