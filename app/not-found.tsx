import { IntentLink } from "@/components/ui/intent-link";
import { connection } from "next/server";
import { BrandMark } from "@/components/shell/brand";

export const metadata = { title: "Page not found" };

export default async function NotFound() {
  // Rendered per request, like every other page, so its scripts carry the response's CSP nonce
  // (server/security-headers.ts); prerendered once at build time they would have none and be refused.
  await connection();
  return (
    <main className="center-page">
      <div className="center-card">
        <BrandMark />
        <h1 style={{ marginTop: 16 }}>We couldn’t find that page</h1>
        <p>
          The link may be out of date, or the workspace may not exist — or you are not a member of it. If someone
          shared it with you, ask them to add you to the workspace.
        </p>
        <div className="actions">
          <IntentLink href="/" className="btn btn-primary">
            Go to my workspace
          </IntentLink>
        </div>
      </div>
    </main>
  );
}
