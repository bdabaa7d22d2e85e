/** Bounds on anything that crosses a context boundary, so hostile input cannot exhaust memory. */
export const LIMITS = {
  idLength: 200,
  urlLength: 2048,
  nameLength: 300,
  excerptLength: 280,
  labelLength: 500,
  findingsPerBatch: 500,
  /** A page-world GraphQL chunk handed to the content script; larger ones are ignored. */
  bridgePayloadBytes: 4 * 1024 * 1024,
  /** Diagnostics keys (unknown words, icon names) kept per report. */
  diagnosticKeys: 200,
} as const;
