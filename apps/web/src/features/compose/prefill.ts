/** What another page hands the New job form (through the router's location state). */
export interface ComposePrefill {
  name: string;
  /** The recipients box's text: one phone per line. */
  recipients: string;
}

export function readPrefill(state: unknown): ComposePrefill | null {
  const prefill = (state as { prefill?: Partial<ComposePrefill> } | null)?.prefill;
  return typeof prefill?.recipients === 'string' ? { name: prefill.name ?? '', recipients: prefill.recipients } : null;
}
