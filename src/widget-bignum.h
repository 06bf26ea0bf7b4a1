/* widget-bignum.h - ticket numbers in large figures: 3x5-cell glyphs for 0-9 and A-Z (any case),
 * each lit cell drawn as a reverse-video blank (pass A_REVERSE | ui_attr(UI_C_BIG)), each cell
 * scale columns wide and scale lines high, one blank column (times scale) between glyphs. */
#ifndef QDESK_WIDGET_BIGNUM_H
#define QDESK_WIDGET_BIGNUM_H

/* Lines the figures take at scale (5 × scale). */
int bignum_height(int scale);
/* Columns text takes at scale (it stops at the first character without a glyph). */
int bignum_width(const char *text, int scale);
/* Draw text at y, x in at most maxw columns (glyphs that do not fit whole are left out); lit cells
 * get attr. Returns the columns drawn. */
int bignum_draw(int y, int x, int maxw, int scale, int attr, const char *text);

#endif
