/** The part of word-extractor's API this project uses (the package ships no types). */
declare module 'word-extractor' {
  /** An extracted Word document. */
  interface WordDocument {
    /** The main body text: paragraphs end in `\n`, table cells in `\t`. */
    getBody(): string;
  }
  /** Reads Word `.doc` (and `.docx`) files. */
  export default class WordExtractor {
    /** Extracts a document from a file path or its bytes. */
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
