"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { formKeys } from "@/lib/forms/form-keys";
import type { TEndUserOption, TEndUserSearchResult } from "@/lib/forms/schemas";
import { fetchJson } from "@/components/runs/fetch-json";

// The end user a form's event is for: a searchable select (ARIA 1.2 combobox with a listbox
// popup). The search runs on the server, since there may be many end users. Keyboard: type to
// search, Down/Up to move, Enter to choose, Escape to close (or clear).

const SEARCH_DELAY_MS = 200;

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

const describe = (user: TEndUserOption) => [user.fullName, user.username].filter(Boolean).join(" · ");

export function EndUserCombobox({
  id,
  value,
  onChange,
  error,
  disabled,
}: {
  id: string;
  value: TEndUserOption | null;
  onChange: (user: TEndUserOption | null) => void;
  error?: string;
  disabled?: boolean;
}) {
  const listboxId = useId();
  const [text, setText] = useState(value?.userId ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // With a user chosen, opening the list shows everyone again rather than only that user.
  const term = useDebouncedValue(value && text === value.userId ? "" : text.trim(), SEARCH_DELAY_MS);
  const search = useQuery({
    queryKey: formKeys.endUserSearch(term),
    queryFn: () => fetchJson<TEndUserSearchResult>(`/api/internal/end-users?search=${encodeURIComponent(term)}`),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const options = search.data?.items ?? [];
  const activeOption = open && active >= 0 ? options[active] : undefined;

  function choose(user: TEndUserOption) {
    onChange(user);
    setText(user.userId);
    setOpen(false);
    setActive(-1);
  }

  function exactMatch() {
    const typed = text.trim();
    return typed ? options.find((user) => user.userId === typed) : undefined;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else {
          setActive((index) => Math.min(index + 1, options.length - 1));
        }
        return;
      case "ArrowUp":
        event.preventDefault();
        if (open) setActive((index) => Math.max(index - 1, 0));
        return;
      case "Enter": {
        // Outside the generated <form>, but never let Enter do anything else here.
        event.preventDefault();
        const pick = activeOption ?? exactMatch() ?? (options.length === 1 && open ? options[0] : undefined);
        if (pick) choose(pick);
        return;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText("");
          onChange(null);
        }
        return;
      default:
        return;
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const loading = open && search.isFetching && options.length === 0;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        End user
        <span aria-hidden="true" className="ml-0.5 text-red-700">
          *
        </span>
      </label>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          required
          disabled={disabled}
          value={text}
          placeholder="Search by user id, username or name"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-activedescendant={activeOption ? `${listboxId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => {
            setText(event.target.value);
            if (value && event.target.value !== value.userId) onChange(null);
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            const match = !value ? exactMatch() : undefined;
            if (match) choose(match);
          }}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:font-sans placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500"
        />
        <div hidden={!open} className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          <ul role="listbox" id={listboxId} aria-label="End users">
            {options.map((user, index) => (
              <li
                key={user.userId}
                id={`${listboxId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(user)}
                onMouseEnter={() => setActive(index)}
                className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-50 text-brand-700" : "text-slate-900"}`}
              >
                <span className="font-mono">{user.userId}</span>
                {describe(user) ? <span className="ml-2 text-slate-500"> {describe(user)}</span> : null}
              </li>
            ))}
          </ul>
          {loading ? <p className="px-3 py-2 text-slate-500">Searching…</p> : null}
          {!loading && search.isSuccess && options.length === 0 ? (
            <p className="px-3 py-2 text-slate-500">{term ? `No end user matches “${term}”.` : "There are no end users yet."}</p>
          ) : null}
          {search.isError ? <p className="px-3 py-2 text-red-700">{search.error.message}</p> : null}
        </div>
      </div>
      <p role="status" className="sr-only">
        {open && search.isSuccess ? `${options.length === 1 ? "1 end user" : `${options.length} end users`} found${search.data.total > options.length ? ` of ${search.data.total}; type to narrow the list` : ""}.` : ""}
      </p>
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <p id={hintId} className="text-xs text-slate-500">
        {value ? `Chosen: ${value.userId}${describe(value) ? ` (${describe(value)})` : ""}` : "The end user this event is for: their active workflows run."}
      </p>
    </div>
  );
}
