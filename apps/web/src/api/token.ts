const KEY = 'bluetick.accessToken';

export function readToken(): string | null {
  return localStorage.getItem(KEY);
}

export function writeToken(token: string | null): void {
  if (token) localStorage.setItem(KEY, token);
  else localStorage.removeItem(KEY);
}

/** Calls back when another tab signs in or out. */
export function onTokenChangedElsewhere(callback: (token: string | null) => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key === KEY) callback(e.newValue);
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
