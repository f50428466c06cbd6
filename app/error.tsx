"use client";

import { BrandMark } from "@/components/shell/brand";

/** Last line of defence: an unexpected server error still gets a page a person can act on. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <main className="center-page">
      <div className="center-card">
        <BrandMark />
        <div role="alert" style={{ marginTop: 16 }}>
          <h1>Something went wrong</h1>
          <p>
            ChatLens could not load this page. It may be a passing problem with the data store; try again in a moment.
            {digest ? (
              <>
                {" "}
                Reference: <code>{digest}</code>
              </>
            ) : null}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => retry()}>
            Try again
          </button>
          <a href="/" className="btn">
            Go home
          </a>
        </div>
      </div>
    </main>
  );
}
