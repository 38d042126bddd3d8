/*
 * Yarn plugin of the peer support portal.
 *
 * Some packages list prebuilt binaries for every platform as optional
 * dependencies (@swc/core-darwin-arm64, @unrs/resolver-binding-*, rollup's musl
 * builds...). The registry this project installs from does not carry all of
 * them, and resolving a missing one fails the whole install even though it
 * would never be fetched on Linux x64.
 *
 * This plugin rewrites such dependencies to the `absent:` protocol. An absent
 * package resolves to a package whose platform conditions can never match, so
 * Yarn marks it disabled and never fetches or links it. Packages for this
 * machine's platform (linux x64 glibc) are left alone.
 */
module.exports = {
  name: 'portal-absent-platforms',
  factory: require => {
    const { structUtils, LinkType } = require('@yarnpkg/core');
    const { CwdFS, xfs, ppath } = require('@yarnpkg/fslib');

    const FOREIGN = [
      /^@swc\/core-(?!linux-x64-gnu$)/,
      /^@swc\/html-(?!linux-x64-gnu$)/,
      /^@unrs\/resolver-binding-(?!linux-x64-gnu$)/,
      /^@rollup\/rollup-(?!linux-x64-gnu$)/,
      /^@rspack\/binding-(?!linux-x64-gnu$)/,
      /^@esbuild\/(?!linux-x64$)/,
      /^@napi-rs\/[a-z-]+-(darwin|win32|android|freebsd|wasm32|linux-(arm|ia32|ppc|s390|riscv|loong|x64-musl))/,
    ];
    const PROTOCOL = 'absent:';
    const isForeign = name => FOREIGN.some(re => re.test(name));

    class AbsentResolver {
      supportsDescriptor(descriptor) {
        return descriptor.range.startsWith(PROTOCOL);
      }
      supportsLocator(locator) {
        return locator.reference.startsWith(PROTOCOL);
      }
      shouldPersistResolution() {
        return false;
      }
      bindDescriptor(descriptor) {
        return descriptor;
      }
      getResolutionDependencies() {
        return {};
      }
      async getCandidates(descriptor) {
        return [structUtils.makeLocator(descriptor, descriptor.range)];
      }
      async getSatisfying(descriptor, dependencies, locators) {
        const [locator] = await this.getCandidates(descriptor);
        return {
          locators: locators.filter(l => l.locatorHash === locator.locatorHash),
          sorted: false,
        };
      }
      async resolve(locator) {
        return {
          ...locator,
          version: '0.0.0',
          languageName: 'node',
          linkType: LinkType.HARD,
          conditions: 'os=absent',
          dependencies: new Map(),
          peerDependencies: new Map(),
          dependenciesMeta: new Map(),
          peerDependenciesMeta: new Map(),
          bin: new Map(),
        };
      }
    }

    class AbsentFetcher {
      supports(locator) {
        return locator.reference.startsWith(PROTOCOL);
      }
      getLocalPath() {
        return null;
      }
      async fetch(locator) {
        // Only reached if a platform check is bypassed: an empty package.
        const dir = await xfs.mktempPromise();
        await xfs.writeJsonPromise(ppath.join(dir, 'package.json'), {
          name: structUtils.stringifyIdent(locator),
          version: '0.0.0',
        });
        return { packageFs: new CwdFS(dir), prefixPath: '.' };
      }
    }

    return {
      hooks: {
        reduceDependency(dependency) {
          const name = structUtils.stringifyIdent(dependency);
          if (!isForeign(name) || dependency.range.startsWith(PROTOCOL)) {
            return dependency;
          }
          return structUtils.makeDescriptor(dependency, `${PROTOCOL}${dependency.range}`);
        },
      },
      resolvers: [AbsentResolver],
      fetchers: [AbsentFetcher],
    };
  },
};
