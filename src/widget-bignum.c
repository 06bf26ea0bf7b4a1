/* widget-bignum.c - owns the large figures of ticket numbers (window console, hall board, guide
 * desk): 3x5-cell glyphs for 0-9 and A-Z drawn as reverse-video cells (monochrome terminals show
 * them), at any whole scale. */
#include <curses.h>
#include "widget-bignum.h"

/* 3x5 figures; '#' is a lit cell. */
static const char *glyph(char ch)
{
	static const char *const digits[10] = {
		"###"
		"# #"
		"# #"
		"# #"
		"###",
		" # "
		"## "
		" # "
		" # "
		"###",
		"###"
		"  #"
		"###"
		"#  "
		"###",
		"###"
		"  #"
		"###"
		"  #"
		"###",
		"# #"
		"# #"
		"###"
		"  #"
		"  #",
		"###"
		"#  "
		"###"
		"  #"
		"###",
		"###"
		"#  "
		"###"
		"# #"
		"###",
		"###"
		"  #"
		"  #"
		"  #"
		"  #",
		"###"
		"# #"
		"###"
		"# #"
		"###",
		"###"
		"# #"
		"###"
		"  #"
		"###",
	};
	static const char *const az[26] = {
		"###" "# #" "###" "# #" "# #",   /* A */
		"## " "# #" "## " "# #" "## ",   /* B */
		"###" "#  " "#  " "#  " "###",   /* C */
		"## " "# #" "# #" "# #" "## ",   /* D */
		"###" "#  " "## " "#  " "###",   /* E */
		"###" "#  " "## " "#  " "#  ",   /* F */
		"###" "#  " "# #" "# #" "###",   /* G */
		"# #" "# #" "###" "# #" "# #",   /* H */
		"###" " # " " # " " # " "###",   /* I */
		"  #" "  #" "  #" "# #" "###",   /* J */
		"# #" "# #" "## " "# #" "# #",   /* K */
		"#  " "#  " "#  " "#  " "###",   /* L */
		"# #" "###" "###" "# #" "# #",   /* M */
		"## " "# #" "# #" "# #" "# #",   /* N */
		"###" "# #" "# #" "# #" "###",   /* O */
		"###" "# #" "###" "#  " "#  ",   /* P */
		"###" "# #" "# #" "###" "  #",   /* Q */
		"## " "# #" "## " "# #" "# #",   /* R */
		"###" "#  " "###" "  #" "###",   /* S */
		"###" " # " " # " " # " " # ",   /* T */
		"# #" "# #" "# #" "# #" "###",   /* U */
		"# #" "# #" "# #" "# #" " # ",   /* V */
		"# #" "# #" "###" "###" "# #",   /* W */
		"# #" "# #" " # " "# #" "# #",   /* X */
		"# #" "# #" "###" " # " " # ",   /* Y */
		"###" "  #" " # " "#  " "###",   /* Z */
	};
	if (ch >= '0' && ch <= '9')
		return digits[ch - '0'];
	if (ch >= 'a' && ch <= 'z')
		ch = (char)(ch - 'a' + 'A');
	if (ch >= 'A' && ch <= 'Z')
		return az[ch - 'A'];
	return NULL;
}

int bignum_height(int scale)
{
	return 5 * (scale < 1 ? 1 : scale);
}

int bignum_width(const char *text, int scale)
{
	int n = 0;
	if (scale < 1)
		scale = 1;
	for (const char *p = text; p && *p && glyph(*p); p++)
		n++;
	return n ? n * 4 * scale - scale : 0;
}

int bignum_draw(int y, int x, int maxw, int scale, int attr, const char *text)
{
	int cx = x;
	if (scale < 1)
		scale = 1;
	for (const char *p = text; p && *p; p++) {
		const char *g = glyph(*p);
		if (!g || cx + 3 * scale > x + maxw)
			break;
		for (int r = 0; r < 5 * scale; r++)
			for (int k = 0; k < 3 * scale; k++)
				if (g[r / scale * 3 + k / scale] == '#')
					mvaddch(y + r, cx + k, ' ' | (chtype)attr);
		cx += 4 * scale;
	}
	return cx > x ? cx - x - scale : 0;
}
