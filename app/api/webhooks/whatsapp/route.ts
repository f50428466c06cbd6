import { getStore } from "@/clickhouse/client";
import { bodyOrTooLarge } from "@/server/ingestion/http-body";
import { validSignature } from "@/server/ingestion/whatsapp/signature";
import { acceptWhatsAppDelivery } from "@/server/ingestion/whatsapp/webhook";
import { withInternalErrors } from "@/server/internal-error";

export const dynamic = "force-dynamic";

/** Meta's verification handshake when the webhook is configured. */
export function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const token = process.env.WHATSAPP_VERIFY_TOKEN;
  if (params.get("hub.mode") === "subscribe" && token && params.get("hub.verify_token") === token) {
    return new Response(params.get("hub.challenge") ?? "", { status: 200, headers: { "content-type": "text/plain" } });
  }
  return new Response("Verification failed: hub.verify_token does not match WHATSAPP_VERIFY_TOKEN.", { status: 403 });
}

/** A delivery of messages and statuses, signed with the app secret. A 500 makes Meta retry it later. */
export const POST = withInternalErrors("POST /api/webhooks/whatsapp", async (req: Request) => {
  const read = await bodyOrTooLarge(req);
  if ("response" in read) return read.response;
  const raw = read.body;
  if (!validSignature(raw, req.headers.get("x-hub-signature-256"), process.env.WHATSAPP_APP_SECRET ?? "")) {
    return Response.json({ error: "Missing or wrong X-Hub-Signature-256." }, { status: 401 });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return Response.json({ error: "The body is not JSON." }, { status: 400 });
  }
  const outcome = await acceptWhatsAppDelivery(getStore(), json);
  for (const note of outcome.notes) console.warn(`[whatsapp webhook] ${note}`);
  return Response.json(outcome, { status: 200 });
});
