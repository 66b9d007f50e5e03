/**
 * The licence of the project's compiled data, and the status of the notices it reproduces, said once
 * for the pages, the data files' metadata and the cite box.
 */

/** The licence of the compiled data (records, CSV, JSON): Creative Commons Attribution 4.0. */
export const dataLicence = {
  /** The short name. */
  name: 'CC BY 4.0',
  /** The full name. */
  title: '知识共享署名 4.0 国际许可协议（Creative Commons Attribution 4.0 International）',
  /** The licence's deed. */
  url: 'https://creativecommons.org/licenses/by/4.0/',
  /** SPDX identifier. */
  spdx: 'CC-BY-4.0',
} as const;

/** What the notices themselves are: official documents, reproduced verbatim, not under the data's licence. */
export const noticesStatus =
  '各通知原文是国家机关发布的具有行政性质的文件，依《中华人民共和国著作权法》第五条不适用该法保护；本站逐字照录原文，原文不在上述许可之列，以发文机关发布的为准。';
