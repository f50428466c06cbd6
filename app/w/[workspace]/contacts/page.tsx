import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsView } from "@/components/contacts/contacts-view";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return (
    // The view reads its table state from the URL on the client; this boundary keeps the shell renderable without it.
    <Suspense
      fallback={
        <div className={shell.page}>
          <PageHeader title="Contacts" />
        </div>
      }
    >
      <ContactsView workspaceId={workspace} />
    </Suspense>
  );
}
