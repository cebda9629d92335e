/** How long the object URL outlives the click: the browser reads it asynchronously. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Offers `text` as a file download: a Blob behind an object URL and a temporary
 * <a download>, clicked once. Nothing leaves the machine (the URL is a local blob:);
 * Electron shows its Save dialog, a browser its download.
 */
export function downloadTextFile(fileName: string, text: string, mimeType: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
