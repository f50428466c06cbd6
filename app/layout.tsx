import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ChatLens", template: "%s · ChatLens" },
  description: "Campaign and segmentation analytics for businesses that run their customer chats on WhatsApp.",
};

export const viewport: Viewport = {
  themeColor: "#128c7e",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
