/** Thrown when a request body is larger than allowed; the route answers 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes; send smaller batches.`);
  }
}

export const MAX_BODY_BYTES = Number(process.env.CHATLENS_API_MAX_BODY_BYTES ?? 10 * 1024 * 1024);

/** Reads a request body as text, stopping as soon as it passes `limit` bytes. */
export async function readBodyLimited(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body as text, or the 413 answer that says how large a body may be. */
export async function bodyOrTooLarge(req: Request): Promise<{ body: string } | { response: Response }> {
  try {
    return { body: await readBodyLimited(req) };
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { response: Response.json({ error: err.message }, { status: 413 }) };
    throw err;
  }
}
