import type { Metadata } from "next";
import { ApiKeysView } from "@/components/manage/api-keys/api-keys-view";
import { EventsHelp } from "@/components/manage/api-keys/events-help";
import { RoleNotice } from "@/components/manage/role-notice";
import { canEdit } from "@/components/manage/tabs";
import styles from "@/components/manage/manage.module.css";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "API keys · Manage" };

export default async function ApiKeysPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  if (!canEdit("api-keys", role)) {
    return (
      <div className={styles.stack}>
        <RoleNotice title="Only admins manage API keys">
          API keys let a backend write events into this workspace, so only its admins can see, create or revoke them. Your
          role here is {role}; ask an admin for a key if your team needs one.
        </RoleNotice>
        <EventsHelp />
      </div>
    );
  }
  return <ApiKeysView workspaceId={workspace} />;
}
