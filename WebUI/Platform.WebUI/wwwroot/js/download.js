// Saves what the server made as a file in the browser (split files, exports, spreadsheets): Blazor Server cannot
// write to the user's disk itself, so a Blob goes behind a temporary link.
function saveBlob(fileName, blob) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked on the next tick: some browsers start the download only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(fileName, content, mimeType) {
    saveBlob(fileName, new Blob([content], { type: mimeType || "text/plain" }));
}

// Bytes (spreadsheets) cross the circuit as base64.
export function downloadBase64(fileName, base64, mimeType) {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    saveBlob(fileName, new Blob([bytes], { type: mimeType || "application/octet-stream" }));
}
