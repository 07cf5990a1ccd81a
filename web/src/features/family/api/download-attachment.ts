import { apiFetch } from '@/lib/api-client';

/**
 * Opens an attachment of a conversation. The file needs the bearer token, so it is fetched and handed to the
 * browser as an object URL (images open in a new tab; PDFs download, as the server says).
 */
export async function openAttachment(threadId: string, fileId: string, fileName: string): Promise<void> {
  const response = await apiFetch(`/api/family/threads/${encodeURIComponent(threadId)}/attachments/${encodeURIComponent(fileId)}`);
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
