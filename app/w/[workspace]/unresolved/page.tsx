import { ComingNext } from "@/components/shell/coming-next";

export const metadata = { title: "Unresolved queries" };

export default function UnresolvedPage() {
  return <ComingNext section="unresolved" />;
}
