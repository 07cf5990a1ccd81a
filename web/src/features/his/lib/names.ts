/**
 * Names compared the way the server's matcher compares them (HisNames): full-width and half-width forms, case,
 * spaces and the middle dot of transliterated names do not matter; the characters do.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•.]/g, '')
    .toUpperCase();
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
