/**
 * Options `generate` cannot honour (too few employees for the agencies asked, a start that is
 * not a Monday...). Data first: a message code and its values; the CLI words it.
 */
import type { MessageCode, MessageValues } from "../messages/index.js";

export class GenerateError extends Error {
  constructor(readonly code: MessageCode, readonly values: MessageValues) {
    super(`${code} ${JSON.stringify(values)}`);
    this.name = "GenerateError";
  }
}
