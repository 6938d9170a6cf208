/**
 * The file formats `label.import` reads, apart from the contract so that main's messages can name
 * them without importing the contract that carries those messages.
 */
export const IMPORT_FORMAT_CHOICES = ['auto', 'pilcrow', 'jsonl', 'csv', 'label-studio', 'doccano', 'prodigy'] as const;
export type ImportFormatChoice = (typeof IMPORT_FORMAT_CHOICES)[number];
export type ImportFormat = Exclude<ImportFormatChoice, 'auto'>;
