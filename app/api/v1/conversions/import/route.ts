import { getStore } from "@/clickhouse/client";
import { authenticateApiKey } from "@/server/auth/api-keys";
import { importConversionsCsv } from "@/server/ingestion/conversion-csv";
import { BodyTooLargeError, readBodyLimited } from "@/server/ingestion/http-body";
import { withInternalErrors } from "@/server/internal-error";

export const dynamic = "force-dynamic";

/** Conversions from a CSV file, for the API key's workspace: `?country=IN` reads phones without a country code. See README. */
export const POST = withInternalErrors("POST /api/v1/conversions/import", async (req: Request) => {
  const store = getStore();
  const key = await authenticateApiKey(store, req.headers.get("authorization"));
  if (!key) {
    return Response.json({ error: "Missing or invalid API key: send Authorization: Bearer <key>." }, { status: 401 });
  }
  let body: string;
  try {
    body = await readBodyLimited(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return Response.json({ error: err.message }, { status: 413 });
    throw err;
  }
  const country = new URL(req.url).searchParams.get("country") ?? undefined;
  const { status, answer } = await importConversionsCsv(store, key.workspaceId, body, { country });
  return Response.json(answer, { status });
});
