import { z } from "zod";

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, { error: "Name the key after what uses it, e.g. “Billing service (production)”." }).max(100),
});
export type TCreateApiKeyInput = z.input<typeof ZCreateApiKeyInput>;
