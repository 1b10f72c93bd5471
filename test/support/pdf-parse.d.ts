// pdf-parse ships no types; its lib entry point is imported directly because the package root
// runs a debug script when loaded outside its own tests.
declare module 'pdf-parse/lib/pdf-parse.js' {
  interface ParsedPdf {
    text: string;
    numpages: number;
    info: Record<string, unknown>;
  }
  function parse(data: Buffer): Promise<ParsedPdf>;
  export default parse;
}
