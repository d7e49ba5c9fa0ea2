import "server-only";
import { AppError } from "@/lib/errors/app-error";

// Reads a JSON request body with a hard size limit (counted while streaming, so a missing or
// false Content-Length cannot get past it) and turns every way it can be wrong into a
// specific error.

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", {
      message: `Send the body as JSON with Content-Type: application/json${type ? ` (got "${type.slice(0, 100)}")` : ""}.`,
    });
  }
  const tooLarge = () =>
    new AppError("payload_too_large", { message: `The body is larger than the ${maxBytes} byte limit. Send less data per event.` });
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("invalid_json", { message: "The body is empty. Send a JSON object: { event, userId, data }." });
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof RangeError ? "it is nested too deeply" : (error as Error).message;
    throw new AppError("invalid_json", { message: `The body is not valid JSON: ${detail}.` });
  }
}
