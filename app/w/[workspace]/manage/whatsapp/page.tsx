import type { Metadata } from "next";
import { canEdit } from "@/components/manage/tabs";
import { WhatsAppSettings } from "@/components/manage/whatsapp-settings";
import { roleIn } from "../role";

export const metadata: Metadata = { title: "WhatsApp · Manage" };

export default async function WhatsAppPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const role = await roleIn(workspace);
  return (
    <WhatsAppSettings
      workspaceId={workspace}
      canEdit={canEdit("whatsapp", role)}
      role={role}
      // Whether they are set, never their values: enough to tell why Meta's handshake fails.
      serverSecrets={{
        verifyToken: Boolean(process.env.WHATSAPP_VERIFY_TOKEN),
        appSecret: Boolean(process.env.WHATSAPP_APP_SECRET),
      }}
    />
  );
}
