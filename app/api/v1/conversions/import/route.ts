import { apiKeyRoute } from "@/server/auth/api-key-route";
import { importConversionsCsv } from "@/server/ingestion/conversion-csv";
import { bodyOrTooLarge } from "@/server/ingestion/http-body";

export const dynamic = "force-dynamic";

/** Conversions from a CSV file, for the API key's workspace: `?country=IN` reads phones without a country code. See README. */
export const POST = apiKeyRoute("POST /api/v1/conversions/import", async (store, workspaceId, req) => {
  const read = await bodyOrTooLarge(req);
  if ("response" in read) return read.response;
  const country = new URL(req.url).searchParams.get("country") ?? undefined;
  const { status, answer } = await importConversionsCsv(store, workspaceId, read.body, { country });
  return Response.json(answer, { status });
});
