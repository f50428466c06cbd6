"use client";

import { formatRange } from "@/components/ui/format";
import overview from "@/components/overview/overview.module.css";
import { RangePicker } from "@/components/ui/range/range-picker";
import { customRangeProblem, resolveRange, todayIn } from "@/components/ui/range/range";
import { useWorkspaceZone } from "@/components/workspace-zone";
import { useRangeSelection } from "@/components/ui/range/search-params";
import { PageHeader } from "@/components/shell/page-header";
import shell from "@/components/shell/shell.module.css";
import { AskedSection } from "./asked-section";
import { BacklogSection } from "./backlog-section";
import { Headline } from "./headline";
import { RepeatersSection } from "./repeaters-section";
import { SourcesSection } from "./sources-section";
import { AgentsSection, SpeedSection } from "./speed-section";
import { VolumeSection } from "./volume-section";
import { SectionIndex } from "@/components/ui/section-index";

/**
 * The unresolved-query report: where the bot falls short and how agents keep
 * up. The date range lives in the URL like the Overview's; each section loads
 * on its own, so a slow one never blanks the page.
 */
export function UnresolvedView({ workspaceId }: { workspaceId: string }) {
  const zone = useWorkspaceZone();
  const [selection, changeRange] = useRangeSelection();
  const range = { workspaceId, ...resolveRange(selection, todayIn(zone)) };
  // A hand-edited link can carry a range the server would refuse; say why in our own words instead of asking.
  const rangeProblem = selection.kind === "custom" ? customRangeProblem(range.from, range.to) : null;
  const enabled = rangeProblem === null;

  return (
    <div className={shell.page}>
      <PageHeader
        title="Unresolved queries"
        description={
          <>
            {formatRange(range.from, range.to)} <span className={overview.muted}>· days and times in {zone} · when people asked for a human, and how agents kept up</span>
          </>
        }
        actions={<RangePicker selection={selection} resolved={range} onChange={changeRange} />}
      />
      {rangeProblem ? (
        <div role="alert" className="alert">
          <strong>This date range cannot be shown.</strong>
          {rangeProblem} Pick a preset or a custom range above.
        </div>
      ) : (
        <div className={overview.body}>
          <SectionIndex
            sections={[
              { headingId: "volume-title", label: "Per day" },
              { headingId: "backlog-waiting-title", label: "Waiting now" },
              { headingId: "speed-intervene-title", label: "Speed" },
              { headingId: "agents-title", label: "Agents" },
              { headingId: "sources-title", label: "Where they come from" },
              { headingId: "asked-title", label: "What people asked" },
              { headingId: "repeaters-title", label: "Repeaters" },
            ]}
          />
          <Headline range={range} enabled={enabled} />
          <VolumeSection range={range} enabled={enabled} />
          <BacklogSection workspaceId={workspaceId} />
          <SpeedSection range={range} enabled={enabled} />
          <AgentsSection range={range} enabled={enabled} />
          <SourcesSection range={range} enabled={enabled} />
          <AskedSection range={range} enabled={enabled} />
          <RepeatersSection range={range} enabled={enabled} />
        </div>
      )}
    </div>
  );
}
