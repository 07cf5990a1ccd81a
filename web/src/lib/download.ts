import { apiFetch } from '@/lib/api-client';

/**
 * Fetches a file the API serves only with the bearer token and hands it to the browser as a download: a plain link
 * cannot carry the token, so the body becomes an object URL that a temporary link saves under `fileName`.
 */
export async function downloadFromApi(path: string, fileName: string): Promise<void> {
  const response = await apiFetch(path);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Note: give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
