/** Demo sizes and the options every part of the generator takes. */
import type { DemoWorkspace } from "../workspace";

export type DemoSize = "small" | "default" | "large";

export const DEMO_SIZES: Record<DemoSize, { contacts: number; events: number }> = {
  small: { contacts: 500, events: 20_000 },
  default: { contacts: 20_000, events: 1_000_000 },
  large: { contacts: 1_000_000, events: 50_000_000 },
};

/** Events per contact when only a contact count is given. */
const DEFAULT_EVENTS_PER_CONTACT = 50;

export interface SizeOptions {
  size?: DemoSize;
  contacts?: number;
  events?: number;
}

export interface GenerateOptions extends SizeOptions {
  workspace?: DemoWorkspace;
  /** The end of the generated 90 days; default: the current time. */
  now?: Date | number;
  seed?: number;
  /** Events per yielded batch (a batch ends at a contact boundary, so it may run a little over). */
  batchSize?: number;
  days?: number;
}

/** Contacts and target events for the given size options. */
export function resolveSize(opts: SizeOptions): { contacts: number; events: number } {
  const preset = DEMO_SIZES[opts.size ?? "default"];
  if (opts.contacts !== undefined && opts.events !== undefined) return { contacts: opts.contacts, events: opts.events };
  if (opts.contacts !== undefined) return { contacts: opts.contacts, events: Math.round(opts.contacts * DEFAULT_EVENTS_PER_CONTACT) };
  if (opts.events !== undefined) {
    return { contacts: Math.max(1, Math.round(opts.events / DEFAULT_EVENTS_PER_CONTACT)), events: opts.events };
  }
  return { ...preset };
}

export interface DemoPlan {
  contacts: number;
  targetEvents: number;
  /** Activity multiplier tuned so that the contacts produce about `targetEvents`. */
  intensity: number;
  estimatedEvents: number;
}
