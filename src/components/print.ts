// How the site's tables go on A4 paper (src/style.css has the sheets): shared by the tables and
// the print test.

/** On paper a longer list prints its first rows and a note that the full list is the download
 * (the 98-project list took 16 A4 pages). */
export const PRINT_ROWS = 40;

/** From this many columns a table prints on landscape sheets (src/style.css): on the portrait
 * column the right-hand ones were cut off. */
export const PRINT_LANDSCAPE_COLUMNS = 9;
