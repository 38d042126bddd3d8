export interface Config {
  networkMeetings?: {
    /**
     * Load fictional demo meetings and answers at start (idempotent).
     * Development and demonstrations only.
     */
    demoData?: boolean;
  };
}
