import { isArrayIndex, parsePointer } from "./pointer";
import { listSchemaFieldDetails, toSchemaField, type TSchemaFieldDetail } from "./schema-fields";
import type { TMapping, TSchemaField } from "./types";

// The rows of the mapping editor: the target schema's fields as a tree, with list items beyond
// the first one repeated for every position that is mapped, has an issue or was added by the
// user; then rows for targets the schema does not list (kept so they can be fixed or removed).

export type TMappingRow = {
  /** The concrete target pointer ("/item/items/1/amount"). */
  pointer: string;
  /** The listed field this row is an instance of; undefined for targets the schema does not list. */
  field: TSchemaField | undefined;
  /** The field's label, with "(item 2)" when it belongs to a list item past the first. */
  label: string;
  depth: number;
  /** For list item rows: the position in the list. */
  itemIndex?: number;
};

type TListInput = {
  targetSchema: unknown;
  mapping: TMapping;
  /** Targets with issues, so required fields of mapped list items get a row. */
  issueTargets?: readonly string[];
  /** Number of item rows to show per list (concrete array pointer → count), for "Add item". */
  itemCounts?: Readonly<Record<string, number>>;
};

const MAX_ROWS_PER_LIST = 50;

function safeSegments(pointer: string): string[] | undefined {
  try {
    return parsePointer(pointer);
  } catch {
    return undefined;
  }
}

export function listMappingRows({ targetSchema, mapping, issueTargets = [], itemCounts = {} }: TListInput): TMappingRow[] {
  const fields = listSchemaFieldDetails(targetSchema);
  const children = new Map<string, TSchemaFieldDetail[]>();
  for (const field of fields) children.set(field.parent, [...(children.get(field.parent) ?? []), field]);
  const wanted = [...Object.keys(mapping), ...issueTargets];
  const rows: TMappingRow[] = [];

  const walk = (field: TSchemaFieldDetail, pointer: string, indices: number[], itemIndex?: number) => {
    const later = indices.filter((i) => i > 0).length > 0;
    let label = field.label;
    if (itemIndex !== undefined && itemIndex > 0 && label.endsWith(": item 1")) label = `${label.slice(0, -1)}${itemIndex + 1}`;
    else if (later) label = `${label} (item ${indices.map((i) => i + 1).join(".")})`;
    rows.push({ pointer, field: toSchemaField(field), label, depth: field.depth, ...(itemIndex !== undefined ? { itemIndex } : {}) });

    const inner = children.get(field.pointer) ?? [];
    if (field.type === "object") {
      for (const child of inner) walk(child, pointer + child.pointer.slice(field.pointer.length), indices);
    } else if (field.type === "array" && inner[0]) {
      const positions = new Set<number>([0]);
      for (let i = 1; i < Math.min(itemCounts[pointer] ?? 0, MAX_ROWS_PER_LIST); i++) positions.add(i);
      for (const target of wanted) {
        if (!target.startsWith(`${pointer}/`)) continue;
        const segment = safeSegments(target.slice(pointer.length))?.[0];
        if (segment !== undefined && isArrayIndex(segment) && Number(segment) < MAX_ROWS_PER_LIST) positions.add(Number(segment));
      }
      for (const i of [...positions].sort((a, b) => a - b)) walk(inner[0], `${pointer}/${i}`, [...indices, i], i);
    }
  };
  for (const field of children.get("") ?? []) walk(field, field.pointer, []);

  const listed = new Set(rows.map((r) => r.pointer));
  for (const target of [...new Set(wanted)]) {
    if (listed.has(target)) continue;
    listed.add(target);
    rows.push({ pointer: target, field: undefined, label: target || "(whole input)", depth: 0 });
  }
  return rows;
}
