/** The i-th of a million well-formed Bahraini mobile numbers (E.164 digits). */
export const phoneAt = (i: number) => `97336${String(i).padStart(6, '0')}`;
