/** Site-wide constants. */

/** The site's name. */
export const SITE_TITLE = '民生实事公开';
/** One line on what the site is. */
export const SITE_DESCRIPTION = '区县政府每年承诺的民生实事，逐条整理、可检索、可引用。';
