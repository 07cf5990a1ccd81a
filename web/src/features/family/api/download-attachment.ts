import { downloadFromApi } from '@/lib/download';

/**
 * Opens an attachment of a conversation. The file needs the bearer token, so it is fetched and handed to the
 * browser as an object URL (images open in a new tab; PDFs download, as the server says).
 */
export async function openAttachment(threadId: string, fileId: string, fileName: string): Promise<void> {
  await downloadFromApi(`/api/family/threads/${encodeURIComponent(threadId)}/attachments/${encodeURIComponent(fileId)}`, fileName);
}
