/** Names shared by the CMS config generator (Node) and the admin scripts (browser). */

/** Name of the custom widget that proposes the next free notice id (src/cms/browser/id-widget.ts). */
export const NOTICE_ID_WIDGET = 'modus-notice-id';

/** Name of the notices collection in the CMS. */
export const NOTICES_COLLECTION = 'notices';

/** Name of the courses collection in the CMS. */
export const COURSES_COLLECTION = 'courses';
