// pdf.js's worker module ships without types; the PDF worker only hands it to pdf.js (see workers/pdf.worker.ts).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
