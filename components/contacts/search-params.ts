import { useQueryStates } from "nuqs";
import { createLoader, parseAsArrayOf, parseAsNumberLiteral, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { parseAsPage, parseAsSort, parseAsText } from "@/components/url-params";
import { COLUMN_IDS, DEFAULT_STATE, DEFAULT_VISIBLE, PAGE_SIZES, SORT_COLUMNS, STATUS_FILTERS, type ContactsTableState } from "./url-state";

/**
 * The Contacts table's state in the URL, so a view can be shared and
 * Back/Forward step through it:
 * `?q=asha&status=requesting&source=organic&tag=vip&sort=lastActive.desc&page=2&size=50&cols=phone,name,status`.
 * Defaults are left out of the URL; anything unreadable reads as them.
 */
export const contactsParsers = {
  q: parseAsText(100),
  status: parseAsStringLiteral(STATUS_FILTERS),
  source: parseAsString,
  tag: parseAsString,
  sort: parseAsSort(SORT_COLUMNS).withDefault({ column: DEFAULT_STATE.sort, desc: DEFAULT_STATE.desc }),
  page: parseAsPage.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_STATE.size),
  cols: parseAsArrayOf(parseAsStringLiteral(COLUMN_IDS)).withDefault([...DEFAULT_VISIBLE]),
};
export const loadContacts = createLoader(contactsParsers);

type ContactsParams = inferParserType<typeof contactsParsers>;

export function contactsStateOf(p: ContactsParams): ContactsTableState {
  return {
    q: p.q,
    status: p.status ?? undefined,
    source: p.source || undefined,
    tag: p.tag || undefined,
    sort: p.sort.column,
    desc: p.sort.desc,
    page: p.page,
    size: p.size,
    // The phone always shows: it is what a row is.
    cols: p.cols.length ? COLUMN_IDS.filter((c) => c === "phone" || p.cols.includes(c)) : DEFAULT_VISIBLE,
  };
}

/** The table's page as the contacts.list procedure takes it: the view and its server page ask alike. */
export function contactsListInput(workspaceId: string, state: ContactsTableState) {
  return {
    workspaceId,
    search: state.q || undefined,
    status: state.status,
    source: state.source,
    tag: state.tag,
    sort: state.sort,
    direction: state.desc ? ("desc" as const) : ("asc" as const),
    page: state.page,
    pageSize: state.size,
  };
}

function paramsOf(s: ContactsTableState): ContactsParams {
  return {
    q: s.q.trim(),
    status: s.status ?? null,
    source: s.source ?? null,
    tag: s.tag ?? null,
    sort: { column: s.sort, desc: s.desc },
    page: s.page,
    size: s.size,
    cols: [...s.cols],
  };
}

/** The table's state, and a change to it: a history entry (Back undoes it), or for typing a search a replaced one. */
export function useContactsState(): [ContactsTableState, (next: ContactsTableState, mode?: "push" | "replace") => void] {
  const [params, setParams] = useQueryStates(contactsParsers);
  return [contactsStateOf(params), (next, mode = "push") => void setParams(paramsOf(next), { history: mode })];
}
