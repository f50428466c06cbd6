"use client";

import overview from "@/components/overview/overview.module.css";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { EmptyState, QueryState } from "@/components/ui/query-state";
import { Panel } from "@/components/ui/panel";
import { useVolume, type ReportRange } from "./use-report";
import { VolumeChart } from "./volume-chart";

/** Requests for a human per day, and their share of the day's conversations. */
export function VolumeSection({ range, enabled }: { range: ReportRange; enabled: boolean }) {
  const query = useVolume(range, enabled);
  const zone = useWorkspaceZone();
  return (
    <Panel
      id="volume"
      title="Requests for a human per day"
      description={`A conversation is one contact writing to you on one day (in ${zone}); the line is the share of them that asked for a human.`}
    >
      <QueryState query={query} what="daily requests" skeletonHeight={260}>
        {(data) =>
          data.days.every((d) => d.requests === 0) ? (
            <EmptyState title="Nobody asked for a human in this range">
              Requests appear here when your chatbot hands a chat over to an agent. Try a longer range.
            </EmptyState>
          ) : (
            <VolumeChart days={data.days} />
          )
        }
      </QueryState>
    </Panel>
  );
}

