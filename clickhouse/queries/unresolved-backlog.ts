import type { Store } from "../client";
import { isoTime } from "./unresolved-common";

/**
 * The chats waiting on a human right now, from the open-chat columns of
 * `contacts` (0011), kept from control_state: the latest control event
 * decides, so these counts are the Overview's "requesting" (open unresolved
 * queries, quiet chats included) and the intervened chats not yet resolved.
 */
const OPEN_CHATS_SQL = `
  SELECT
    contact,
    name,
    open_control AS last_control,
    open_control_at AS last_control_at,
    waiting_since,
    waiting_requests,
    agent_id,
    agent_name
  FROM contacts FINAL
  WHERE workspace_id = {workspaceId:String} AND open_control != ''`;

export interface WaitingChat {
  contact: string;
  name: string;
  /** The first request no agent has answered. */
  waitingSince: string;
  /** Requests since then (a user who asked again counts each time). */
  requests: number;
}

export interface OpenChat {
  contact: string;
  name: string;
  agentId: string;
  agentName: string;
  /** When the agent took the chat. */
  since: string;
}

export interface Backlog {
  waitingCount: number;
  waiting: WaitingChat[];
  intervenedCount: number;
  intervened: OpenChat[];
  /** Chats each agent holds open, by agent id. */
  openByAgent: Array<{ agentId: string; agentName: string; open: number }>;
}

type Row = {
  /** A chat of a list, or an agent's count of intervened chats. */
  row: "chat" | "agent";
  last_control: string;
  contact: string;
  name: string;
  since: string;
  requests: string;
  agent_id: string;
  agent_name: string;
  total: string;
};

/**
 * Both backlogs, oldest first, at most `limit` of each; the counts are complete.
 * One statement reads the open chats once for the lists and the agents' counts
 * (a materialized CTE): as two statements they read them twice, 90 ms of CPU
 * at a million contacts against 75.
 */
export async function backlog(store: Store, workspaceId: string, limit = 100): Promise<Backlog> {
  const rows = await store.query<Row>(
    `WITH open AS MATERIALIZED (${OPEN_CHATS_SQL})
     SELECT * FROM (
       SELECT
         'chat' AS row,
         last_control,
         contact,
         name,
         if(last_control = 'agent.intervened', last_control_at, waiting_since) AS since,
         waiting_requests AS requests,
         agent_id,
         agent_name,
         count() OVER (PARTITION BY last_control) AS total
       FROM open
       ORDER BY last_control, since, contact
       LIMIT {limit:UInt32} BY last_control
     )
     UNION ALL
     SELECT 'agent', last_control, '', '', NULL, 0, agent_id, any(agent_name), count()
     FROM open
     WHERE last_control = 'agent.intervened'
     GROUP BY last_control, agent_id
     SETTINGS enable_materialized_cte = 1`,
    { workspaceId, limit },
    { report: "unresolved:backlog" },
  );
  const chats = rows.filter((r) => r.row === "chat");
  const agents = rows
    .filter((r) => r.row === "agent")
    .map((a) => ({ agentId: a.agent_id, agentName: a.agent_name, open: Number(a.total) }))
    .sort((a, b) => b.open - a.open || (a.agentId < b.agentId ? -1 : 1));
  const waitingRows = chats.filter((r) => r.last_control === "intervention.requested");
  const intervenedRows = chats.filter((r) => r.last_control === "agent.intervened");
  return {
    waitingCount: Number(waitingRows[0]?.total ?? 0),
    waiting: waitingRows.map((r) => ({
      contact: r.contact,
      name: r.name,
      waitingSince: isoTime(r.since),
      requests: Number(r.requests),
    })),
    intervenedCount: Number(intervenedRows[0]?.total ?? 0),
    intervened: intervenedRows.map((r) => ({
      contact: r.contact,
      name: r.name,
      agentId: r.agent_id,
      agentName: r.agent_name,
      since: isoTime(r.since),
    })),
    openByAgent: agents,
  };
}
