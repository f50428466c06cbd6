/** WhatsApp's message ticks: one grey (sent), two grey (delivered), two blue (read), a red mark (failed). */
export function Ticks({ tick }: { tick: "sent" | "delivered" | "read" | "replied" | "failed" }) {
  if (tick === "failed") {
    return (
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="2" />
        <path d="M12 7.5v5.5M12 16.2v.3" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
    );
  }
  const double = tick !== "sent";
  return (
    <svg width="20" height="14" viewBox="0 0 20 14" fill="none" aria-hidden="true">
      <path d="M1.5 7.5l3.5 3.5L12 3.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      {double ? <path d="M8.5 11l7-7.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /> : null}
    </svg>
  );
}

export const TICK_LABEL = {
  sent: "Sent",
  delivered: "Delivered, not read",
  read: "Read",
  replied: "Replied",
  failed: "Failed",
} as const;
