import { ComingNext } from "@/components/shell/coming-next";

export const metadata = { title: "Segments" };

export default function SegmentsPage() {
  return <ComingNext section="segments" />;
}
