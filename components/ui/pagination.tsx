import Link from "next/link";

export function Pagination({ page, pageCount, total, noun, query = {} }: { page: number; pageCount: number; total: number; noun: string; query?: Record<string, string | undefined> }) {
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    params.set("page", String(p));
    return `?${params}`;
  };
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
      <span className="text-slate-600">
        {total} {noun}
        {total === 1 ? "" : "s"} · page {page} of {pageCount}
      </span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={href(page - 1)} className="text-brand-700 hover:underline">Previous</Link> : null}
        {page < pageCount ? <Link href={href(page + 1)} className="text-brand-700 hover:underline">Next</Link> : null}
      </span>
    </nav>
  );
}
