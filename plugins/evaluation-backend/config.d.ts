export interface Config {
  evaluation?: {
    /**
     * Seed fictional support sessions and outcome indicators for the demo
     * units at start (idempotent), one unit with exactly three sessions so
     * that "<5" shows. Development and demonstrations only.
     */
    demoData?: boolean;
    /**
     * How often the scheduled pull reads the other plugins' facts, in
     * minutes (default 1). Events bring them at once; the pull catches up
     * on anything missed.
     */
    pullIntervalMinutes?: number;
  };
}
