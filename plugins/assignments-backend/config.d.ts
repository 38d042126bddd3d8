export interface Config {
  assignments?: {
    /**
     * Load a few dozen fictional demo assignments in every state at start
     * (idempotent). Development and demonstrations only.
     */
    demoData?: boolean;
    /** Per-person rate limits. */
    rateLimit?: {
      /** The booking form (POST /assignments): default 20 an hour. */
      bookings?: { max?: number; windowSeconds?: number };
    };
    /** The honorarium rate table. Amounts in kronor; stored in whole öre. */
    honorarium?: {
      /** Scope bands in order of increasing hours. */
      bands: Array<{
        /** A stable code shown in the payroll file, e.g. halfDay. */
        code: string;
        /** Work up to and including this many hours falls in the band. */
        upToHours: number;
        kronor: number;
      }>;
      /** Beyond the last band, per started hour. */
      extraPerStartedHourKronor?: number;
      /** Travel allowance per assignment, when the peer travelled. */
      travelKronor?: number;
    };
  };
}
