/**
 * Saves text as a file through the browser's own download: a Blob and an object URL, so nothing leaves the
 * machine and the extension needs no `downloads` permission.
 */
export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the URL after the click has returned; a minute later nothing needs it any more.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
