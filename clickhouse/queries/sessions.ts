import type { Store } from "../client";
import { nextVersion } from "../version";
import type { UserRow } from "./users";

/**
 * What every request with a session cookie checks: the account as it is now
 * and whether this session was signed out. Sessions belong to a person, not a
 * workspace, so these statements are keyed by user and say so.
 */

const PERSON = "exempt: a session belongs to a person, who may belong to several workspaces";

export interface SessionState {
  sessionEpoch: number;
  mustChangePassword: boolean;
  email: string;
  name: string;
  /** This session was signed out. */
  ended: boolean;
}

/** The state of one session of an account, or null when the account does not exist (any more). */
export async function sessionState(store: Store, userId: string, sessionId: string): Promise<SessionState | null> {
  const rows = await store.query<{
    session_epoch: number | string;
    must_change_password: number | string;
    email: string;
    name: string;
    is_deleted: number | string;
    ended: number | string;
  }>(
    `SELECT session_epoch, must_change_password, email, name, is_deleted,
            (SELECT count() FROM ended_sessions WHERE session_id = {sessionId:String}) AS ended
     FROM users
     WHERE user_id = {userId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { userId, sessionId },
    { report: "sessions:state", tenant: PERSON },
  );
  const row = rows[0];
  if (!row || Number(row.is_deleted)) return null;
  return {
    sessionEpoch: Number(row.session_epoch),
    mustChangePassword: Boolean(Number(row.must_change_password)),
    email: row.email,
    name: row.name,
    ended: Number(row.ended) > 0,
  };
}

/** Records a signed-out session until its cookie would have expired anyway (the table's TTL drops it then). */
export async function recordEndedSession(store: Store, session: { sessionId: string; userId: string; expiresAt: Date }): Promise<void> {
  await store.insert(
    "ended_sessions",
    [{ session_id: session.sessionId, user_id: session.userId, ended_at: Date.now(), expires_at: Math.floor(session.expiresAt.getTime() / 1000) }],
    { report: "sessions:end", tenant: PERSON },
  );
}

/**
 * A new password for an account: a new version of its row with the hash, the
 * temporary-password flag cleared, and the session epoch raised, which ends
 * every session signed in before. Returns the row as written.
 */
export async function writeNewPassword(store: Store, user: UserRow, passwordHash: string): Promise<UserRow> {
  const next: UserRow = { ...user, password_hash: passwordHash, session_epoch: user.session_epoch + 1, must_change_password: false };
  await store.insert(
    "users",
    [{
      user_id: next.user_id,
      email: next.email,
      name: next.name,
      password_hash: next.password_hash,
      session_epoch: next.session_epoch,
      must_change_password: 0,
      created_at: Date.now(),
      version: nextVersion(),
      is_deleted: 0,
    }],
    { report: "users:new-password", tenant: PERSON },
  );
  return next;
}
