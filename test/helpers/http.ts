import { createHmac } from "node:crypto";

export function jsonRequest(url: string, body: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

/** Signs a webhook body the way Meta does. */
export function metaSignature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Reads an NDJSON response into its messages. */
export async function ndjson<T>(res: Response): Promise<T[]> {
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}
