/* No "use client": the reports' range rules (components/ui/range/range.ts) word their problems with it on the server too. */

/** A schema's message as a sentence: "a tag name has at most 60 characters" → "A tag name has at most 60 characters." */
export function sentence(message: string | undefined): string | undefined {
  if (!message) return message;
  // A message that starts with a key ("lifetime_value must be a number") keeps it as it is written.
  const text = /^\S*_/.test(message) ? message : message[0].toUpperCase() + message.slice(1);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
