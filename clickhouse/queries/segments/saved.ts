import type { Store } from "../../client";
import { toClickHouseTime } from "../../time";
import { nextVersion } from "../../version";
import type { CompiledSegment } from "./compile";

/**
 * Saved segments (`segments`, one version per change) and their history
 * (`segment_history`, one row per change). The filter is stored as the JSON
 * of the tree; callers validate it before saving and again when they run it,
 * since the workspace's attributes may have changed in between.
 */

export type SegmentKind = "dynamic" | "static";

export interface SavedSegment {
  segmentId: string;
  name: string;
  description: string;
  /** Static segments are a fixed list of contacts (segment_members). */
  kind: SegmentKind;
  /** The filter tree as JSON text. */
  filter: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export type SegmentAction = "created" | "renamed" | "described" | "filter" | "duplicated" | "deleted";

export interface SegmentChange {
  version: number;
  action: SegmentAction;
  summary: string;
  name: string;
  description: string;
  filter: string;
  changedBy: string;
  changedAt: string;
}

interface SegmentRow {
  segment_id: string;
  name: string;
  description: string;
  kind: string;
  filter: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  is_deleted: number;
}

function toSaved(r: SegmentRow): SavedSegment {
  return {
    segmentId: r.segment_id,
    name: r.name,
    description: r.description,
    kind: r.kind === "static" ? "static" : "dynamic",
    filter: r.filter,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

/** The workspace's saved segments, most recently changed first. */
export async function listSavedSegments(store: Store, workspaceId: string): Promise<SavedSegment[]> {
  const rows = await store.query<SegmentRow>(
    `SELECT segment_id, name, description, kind, filter, created_by, created_at, updated_by, updated_at, is_deleted
     FROM segments
     WHERE workspace_id = {workspaceId:String}
     ORDER BY version DESC
     LIMIT 1 BY segment_id`,
    { workspaceId },
    { report: "segments:saved-list" },
  );
  return rows
    .filter((r) => !Number(r.is_deleted))
    .map(toSaved)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
}

export async function getSavedSegment(store: Store, workspaceId: string, segmentId: string): Promise<SavedSegment | null> {
  const rows = await store.query<SegmentRow>(
    `SELECT segment_id, name, description, kind, filter, created_by, created_at, updated_by, updated_at, is_deleted
     FROM segments
     WHERE workspace_id = {workspaceId:String} AND segment_id = {segmentId:String}
     ORDER BY version DESC
     LIMIT 1`,
    { workspaceId, segmentId },
    { report: "segments:saved-one" },
  );
  const row = rows[0];
  return row && !Number(row.is_deleted) ? toSaved(row) : null;
}

/**
 * Writes a new version of a segment and its history row. `deleted` writes the
 * tombstone (the history keeps every earlier version).
 */
export async function writeSavedSegment(
  store: Store,
  workspaceId: string,
  segment: Omit<SavedSegment, "updatedAt" | "createdAt"> & { createdAt?: string },
  change: { action: SegmentAction; summary: string; by: string },
): Promise<SavedSegment> {
  const now = Date.now();
  const version = nextVersion();
  const deleted = change.action === "deleted" ? 1 : 0;
  const createdAt = segment.createdAt ?? toClickHouseTime(now);
  await store.insert("segments", [
    {
      workspace_id: workspaceId,
      segment_id: segment.segmentId,
      name: segment.name,
      description: segment.description,
      kind: segment.kind,
      filter: segment.filter,
      created_by: segment.createdBy,
      created_at: createdAt,
      updated_by: change.by,
      updated_at: toClickHouseTime(now),
      version,
      is_deleted: deleted,
    },
  ]);
  await store.insert("segment_history", [
    {
      workspace_id: workspaceId,
      segment_id: segment.segmentId,
      version,
      action: change.action,
      summary: change.summary,
      name: segment.name,
      description: segment.description,
      filter: segment.filter,
      changed_by: change.by,
      changed_at: toClickHouseTime(now),
      is_deleted: 0,
    },
  ]);
  return { ...segment, createdAt, updatedBy: change.by, updatedAt: toClickHouseTime(now) };
}

/** A segment's changes, newest first. */
export async function segmentHistory(store: Store, workspaceId: string, segmentId: string): Promise<SegmentChange[]> {
  const rows = await store.query<{
    version: string;
    action: SegmentAction;
    summary: string;
    name: string;
    description: string;
    filter: string;
    changed_by: string;
    changed_at: string;
  }>(
    `SELECT version, action, summary, name, description, filter, changed_by, changed_at
     FROM segment_history
     WHERE workspace_id = {workspaceId:String} AND segment_id = {segmentId:String}
     ORDER BY version DESC
     LIMIT 1 BY version
     LIMIT 200`,
    { workspaceId, segmentId },
    { report: "segments:history" },
  );
  return rows.map((r) => ({
    version: Number(r.version),
    action: r.action,
    summary: r.summary,
    name: r.name,
    description: r.description,
    filter: r.filter,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}

/** Puts contacts on a static segment's list (an upload). */
export async function addSegmentMembers(store: Store, workspaceId: string, segmentId: string, contacts: string[]): Promise<void> {
  const now = toClickHouseTime(Date.now());
  for (let i = 0; i < contacts.length; i += 50_000) {
    await store.insert(
      "segment_members",
      contacts.slice(i, i + 50_000).map((contact) => ({ workspace_id: workspaceId, segment_id: segmentId, contact, added_at: now })),
    );
  }
}

/**
 * Freezes an audience into a static segment's list, inside ClickHouse
 * (INSERT … SELECT): `where` and `params` are a compiled segment, and
 * `columns` the merged contact columns it reads.
 */
export async function freezeSegmentMembers(
  store: Store,
  workspaceId: string,
  segmentId: string,
  compiled: CompiledSegment,
): Promise<void> {
  await store.command(
    `INSERT INTO segment_members (workspace_id, segment_id, contact, added_at)
     SELECT {workspaceId:String}, {frozenSegmentId:String}, contact, now64(3)
     FROM contacts FINAL
     WHERE workspace_id = {workspaceId:String} AND (${compiled.where})`,
    { ...compiled.params, workspaceId, frozenSegmentId: segmentId },
    { report: "segments:freeze-members" },
  );
}
