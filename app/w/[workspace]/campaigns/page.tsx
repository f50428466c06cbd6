import { ComingNext } from "@/components/shell/coming-next";

export const metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return <ComingNext section="campaigns" />;
}
