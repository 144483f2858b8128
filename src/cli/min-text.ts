// The narrowest column of text worth hanging a continuation under: shared by the wrapping (wrap-line.ts) and the
// commands that lay a table out for the width (analyze's reasons), which must agree on it.

/** The fewest columns a continuation is given: a column of text narrower than this is put under its row instead. */
export const MIN_TEXT = 24;
