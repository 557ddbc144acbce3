/**
 * The audit chain's verification as the server reports it (GET /api/v1/audit/verify) and the
 * checkpoints it compares with: one contract for the server (src/audit/chain.ts) and the web.
 */

/** A checkpoint: the hash of event `seq`, exported outside the database at `exportedAt`. */
export interface Checkpoint {
  seq: number;
  hash: string;
  /** The time of the event. */
  at: string;
  exportedAt?: string;
}

export interface BrokenLink {
  /** The first sequence number that is wrong or missing (null: an event outside the chain). */
  seq: number | null;
  /** The time of that event, or of the nearest evidence (a checkpoint, the previous event). */
  at: string | null;
  /** What is wrong, in Chinese. */
  problem: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Events in the chain. */
  count: number;
  /** The head's number as the database states it. */
  headSeq: number;
  /** Checkpoints compared. */
  checkpoints: number;
  broken?: BrokenLink;
}

/** GET /api/v1/audit/verify: the result with its Chinese summary. */
export interface AuditVerification extends VerifyResult {
  message: string;
}
