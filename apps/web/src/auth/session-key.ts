const STORAGE_KEY = 'vetted.apiKey';

/**
 * The signed-in API key lives in session storage: it survives reloads of this tab and is gone
 * when the tab closes, and is never sent anywhere but the API's Authorization header.
 */
export const sessionKey = {
  read: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  write: (key: string): void => sessionStorage.setItem(STORAGE_KEY, key),
  clear: (): void => sessionStorage.removeItem(STORAGE_KEY),
};
