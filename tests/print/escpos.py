#!/usr/bin/env python3
"""escpos.py - an independent reader of the slips qdesk prints: parses the ESC/POS commands a slip
may use, decodes the text between them with Python's own gb18030 codec, and prints the slip's lines
as UTF-8, a line printed double size marked "[2x] ". It refuses anything else: an unknown command,
a stray control byte, text the codec cannot decode, a line wider than --cols (a GB18030 byte is one
column, double size two), a slip not starting with ESC @ and FS & or not ending in a cut.
Usage: escpos.py [--cols N] FILE   (exit 0 and the lines, or exit 1 and why)"""
import sys

def fail(msg):
    sys.stderr.write("escpos.py: %s\n" % msg)
    sys.exit(1)

def main():
    args = sys.argv[1:]
    cols = None
    if args[:1] == ["--cols"]:
        cols = int(args[1])
        args = args[2:]
    data = open(args[0], "rb").read()
    if not data.startswith(b"\x1b\x40\x1c\x26"):
        fail("does not start with ESC @ FS &")
    out, text, size, i, cut = [], b"", 0, 0, False
    def flush_line():
        nonlocal text
        try:
            s = text.decode("gb18030")
        except UnicodeDecodeError as e:
            fail("not GB18030: %r (%s)" % (text, e))
        width = len(text) * (2 if size else 1)
        if cols is not None and width > cols:
            fail("line %r is %d columns wide, more than %d" % (s, width, cols))
        out.append(("[2x] " if size else "") + s)
        text = b""
    while i < len(data):
        b = data[i]
        if cut:
            fail("bytes after the cut")
        if b == 0x0a:
            flush_line(); i += 1
        elif data[i:i+2] in (b"\x1b\x40", b"\x1c\x26", b"\x1c\x2e"):
            i += 2
        elif data[i:i+2] in (b"\x1b\x61", b"\x1b\x45", b"\x1b\x64"):
            i += 3
        elif data[i:i+2] == b"\x1d\x21":
            size = data[i+2]; i += 3
        elif data[i:i+2] == b"\x1d\x56":
            i += 4 if data[i+2] in (65, 66) else 3
            cut = True
        elif b < 0x20 or b == 0x7f:
            fail("unknown command or control byte 0x%02x at %d" % (b, i))
        else:
            text += bytes([b]); i += 1
    if text:
        fail("text after the last line feed")
    if not cut:
        fail("no cut (GS V) at the end")
    sys.stdout.write("".join(line + "\n" for line in out))

main()
