export interface Config {
  auth?: {
    providers?: {
      /**
       * Development-only sign-in as one of the demo users of the catalog.
       * Leave it out of production configuration: without it, the provider's
       * routes answer 404 and no token is issued.
       */
      demo?: {
        /**
         * Set to true to allow the provider when NODE_ENV is production
         * (for example a demo server). Defaults to false.
         */
        allowInProduction?: boolean;
      };
    };
  };
}
