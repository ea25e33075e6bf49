/** The API version the desk's filtered lists query with (the Studio's own default for Vision). */
export const deskApiVersion = '2025-02-19';
