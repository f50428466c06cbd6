import { ComingNext } from "@/components/shell/coming-next";

export const metadata = { title: "Contacts" };

export default function ContactsPage() {
  return <ComingNext section="contacts" />;
}
