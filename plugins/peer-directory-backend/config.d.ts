export interface Config {
  peerDirectory?: {
    /**
     * Load about 60 fictional demo profiles at start (idempotent).
     * Development and demonstrations only.
     */
    demoData?: boolean;
    /** Per-person rate limits. */
    rateLimit?: {
      /** Interest registrations (POST /interest): default 5 an hour. */
      interest?: { max?: number; windowSeconds?: number };
    };
  };
}
