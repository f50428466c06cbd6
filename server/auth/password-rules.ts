import { z } from "zod";

/**
 * What a password of one's own must be. Pure (no bcrypt), so the password
 * page shows the same rules it is held to.
 */

export const MIN_PASSWORD_LENGTH = 10;
/** bcrypt reads the first 72 bytes and ignores the rest: a longer password would be weaker than it looks. */
export const MAX_PASSWORD_BYTES = 72;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES, {
    message: `use at most ${MAX_PASSWORD_BYTES} bytes (about ${MAX_PASSWORD_BYTES} letters without accents).`,
  });

/** Said wherever an account with an invitation's password tries anything but replacing it. */
export const TEMPORARY_PASSWORD_MESSAGE = "Your password is a temporary one: choose your own first, at /account/password.";
