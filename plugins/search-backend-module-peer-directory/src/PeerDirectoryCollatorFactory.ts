import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { peerDirectoryReadPermission } from '@internal/plugin-peer-directory-common';
import { Readable } from 'node:stream';

/** A profile as the search index holds it: public fields only. @public */
export interface PeerProfileDocument extends IndexableDocument {
  role: string;
  region: string;
}

type CollatorPage = {
  items: Array<{
    id: string;
    displayName: string;
    role: string;
    region: string;
    units: string[];
    languages: string[];
    supportModes: string[];
    assignmentTypes: string[];
  }>;
  nextCursor?: string;
};

/**
 * Reads listed profiles from the peer directory's API (service credentials)
 * and turns them into search documents. The API it reads never returns lived
 * experience, and this collator would not index it if it did: the document
 * is built from an explicit list of public fields.
 */
export class PeerDirectoryCollatorFactory implements DocumentCollatorFactory {
  readonly type = 'peer-directory';
  readonly visibilityPermission = peerDirectoryReadPermission;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      fetch?: typeof fetch;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<PeerProfileDocument> {
    const doFetch = this.options.fetch ?? fetch;
    const base = await this.options.discovery.getBaseUrl('peer-directory');
    let cursor: string | undefined;
    do {
      const { token } = await this.options.auth.getPluginRequestToken({
        onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
        targetPluginId: 'peer-directory',
      });
      const url = `${base}/collator/documents${
        cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''
      }`;
      const res = await doFetch(url, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) {
        throw await ResponseError.fromResponse(res);
      }
      const page = (await res.json()) as CollatorPage;
      for (const p of page.items) {
        yield {
          title: p.displayName,
          text: [
            p.units.join(' '),
            p.languages.join(' '),
            p.supportModes.join(' '),
            p.assignmentTypes.join(' '),
          ]
            .filter(Boolean)
            .join(' · '),
          location: `/peer-directory/profile/${p.id}`,
          role: p.role,
          region: p.region,
        };
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
}
