export interface Config {
  peerDirectory?: {
    /**
     * Load about 60 fictional demo profiles at start (idempotent).
     * Development and demonstrations only.
     */
    demoData?: boolean;
  };
}
