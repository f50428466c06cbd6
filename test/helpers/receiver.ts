import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  lines: Array<Record<string, string>>;
}

/**
 * A real HTTP receiver on localhost for destination syncs: it keeps every
 * request and answers with the next planned status (200 once the plan is
 * used up), with `body` as its answer.
 */
export async function startReceiver(): Promise<{
  url: string;
  requests: ReceivedRequest[];
  /** Statuses to answer with, in order, before answering 200 again. */
  plan: (statuses: number[], body?: string) => void;
  close: () => Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  let planned: number[] = [];
  let answer = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const lines = body.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
      requests.push({ headers: req.headers, body, lines });
      const status = planned.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/audiences?token=t`,
    requests,
    plan: (statuses, body = "") => {
      planned = [...statuses];
      answer = body;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
