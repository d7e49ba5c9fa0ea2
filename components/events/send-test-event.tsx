"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { sendTestEventAction } from "@/lib/events/actions";
import type { TFireEventResult } from "@/lib/events/fire-event";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

// Fires the event through the same path as POST /run/event (recorded as a test send).

export function SendTestEvent({ eventName, sample, endUserIds }: { eventName: string; sample: unknown; endUserIds: string[] }) {
  const [userId, setUserId] = useState(endUserIds.includes("demo-user") ? "demo-user" : (endUserIds[0] ?? ""));
  const [dataText, setDataText] = useState(JSON.stringify(sample ?? {}, null, 2));
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: async () => {
      let data: unknown;
      try {
        data = JSON.parse(dataText);
      } catch (error) {
        throw new Error(`The data is not valid JSON: ${(error as Error).message}`);
      }
      const result = await sendTestEventAction({ event: eventName, userId, data, idempotencyKey: attemptKey });
      // fireEvent's messages already name every failing field.
      if (!result.ok) throw new Error(result.error.message);
      return result.data as TFireEventResult;
    },
    onSuccess: () => setAttemptKey(crypto.randomUUID()),
  });

  return (
    <section aria-labelledby="send-test" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="send-test" className="text-base font-semibold">Send a test event</h2>
      <p className="mt-1 text-sm text-slate-600">Fires {eventName} exactly as your application would, through the same validation and queueing.</p>
      <div className="mt-4 space-y-3">
        <label className="block text-sm font-medium text-slate-700">
          End user
          <input
            list="test-event-users"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            className="mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-inset ring-slate-300"
          />
          <datalist id="test-event-users">
            {endUserIds.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Data
          <textarea
            rows={8}
            value={dataText}
            onChange={(e) => setDataText(e.target.value)}
            spellCheck={false}
            className="mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-xs shadow-sm ring-1 ring-inset ring-slate-300"
          />
        </label>
        <FormError message={send.error?.message} />
        <Button type="button" disabled={send.isPending || !userId} onClick={() => send.mutate()}>
          {send.isPending ? "Sending…" : "Send test event"}
        </Button>
        {send.data ? (
          <div role="status" className="space-y-2 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">
            <p>
              {send.data.message}.{" "}
              <Link href={`/event-log/${send.data.eventId}`} className="font-medium underline">Open event {send.data.eventId.slice(0, 8)}</Link>
            </p>
            <p>{send.data.runs.length === 0 ? "It matched no active workflow for this end user." : `Runs queued: ${send.data.runs.map((r) => r.workflowName).join(", ")}`}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
