#!/usr/bin/env python3
"""Builds the example site with one pathological Markdown file added and
reports time and peak memory of each build.

    python3 scripts/pathological.py [--size BYTES] [--sitegen PATH] [SHAPE ...]

Each shape is a document of about --size bytes (default 1 MB) that some
stage of a Markdown pipeline has handled in more than linear time: links in
one paragraph, nested images, identical headings, a wide table, deep
nesting, emphasis runs, and the shapes of cmark's pathological tests. The
file is added to a copy of content/ as a Meldung, and `sitegen build` runs
on it under /usr/bin/time. A build is fine when it finishes within the
limits of the content format (docs/content-format.md, "Grenzen") or refuses
the file with an error at its line. Use a release build
(`swift build -c release --product sitegen`): the 2 s target is for it.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

args_timeout = 120
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def repeat(unit, size):
    return unit * max(1, size // len(unit))


def nested(opening, middle, closing, size):
    depth = max(1, size // (len(opening) + len(closing)))
    return opening * depth + middle + closing * depth


def table(size):
    # C header cells and C one-character lines: cmark-gfm 0.29.0.gfm.6 makes
    # C² cells of it.
    columns = 1
    while (columns + 1) * 2 + (columns + 1) * 4 + (columns + 1) * 2 <= size:
        columns += 1
    header = "|" + "a|" * columns
    delimiter = "|" + "-|" * columns
    return header + "\n" + delimiter + "\n" + "x\n" * columns


def wide_table_rows(size):
    # A sane table with many rows.
    header = "| Name | Wert | Anmerkung |\n|---|---|---|\n"
    return header + repeat("| a | 1 | text text |\n", size)


SHAPES = {
    # Item 13: links in one paragraph, on one line and on many lines.
    "links-one-line": lambda n: repeat("[a](https://example.org/) ", n),
    "links-paragraph": lambda n: repeat("[a](https://example.org/)\n", n),
    "page-links": lambda n: repeat("[B](../kommunen/bendorf.md) ", n),
    "anchor-links-broken": lambda n: "## Eins\n\n" + repeat("[x](#zwei) ", n),
    "media-links": lambda n: repeat("[d](../medien/illustration-netzwerk.svg) ", n),
    "umlaut-links": lambda n: repeat("ä [ü](https://example.org/) ", n),
    # Item 14: nested images, and nested links.
    "nested-images": lambda n: nested("![", "x", "](y)", n),
    "nested-links": lambda n: nested("[", "x", "](y)", n),
    "nested-image-link": lambda n: nested("[![", "x", "](y)](z)", n),
    # Item 15: identical headings; headings that look like numbered repeats.
    "same-headings": lambda n: repeat("## a\n\n", n),
    "numbered-headings": lambda n: "".join(f"## a-{i}\n\n## a\n\n" for i in range(2, max(3, n // 16))),
    "empty-headings": lambda n: repeat("##\n\n", n),
    "long-heading": lambda n: "## " + "a " * (n // 2) + "\n",
    # Item 16: a wide header and as many short lines.
    "wide-table": table,
    "table-rows": wide_table_rows,
    "table-wide-header-only": lambda n: "|" + repeat("a|", n - 10) + "\n|-|\n",
    "tables-cr": lambda n: repeat("aaa\rbbb\n-\v\n", n),
    "table-wide-row": lambda n: "|a|\n|-|\n" + repeat("|b", n - 10) + "\n",
    "table-wide-delimiter": lambda n: "a\n" + repeat("|-", n - 10) + "\n",
    "paragraph-delimiters": lambda n: repeat("a|b\n|-\n", n),
    "paragraph-then-delimiters": lambda n: "a|b|c\n" + repeat("|-\n", n),
    # Nesting.
    "nested-blockquotes": lambda n: repeat("> ", n) + "a\n",
    "nested-lists": lambda n: "".join("  " * i + "* a\n" for i in range(0, 700)),
    "nested-lists-deep": lambda n: repeat("- ", n) + "a\n",
    "nested-ordered": lambda n: repeat("1. ", n) + "a\n",
    "nested-brackets": lambda n: nested("[", "a", "]", n),
    "nested-emphasis": lambda n: nested("*a **a ", "b", " a** a*", n),
    "nested-strong": lambda n: nested("**", "a", "**", n),
    # cmark's pathological tests.
    "emph-closers": lambda n: repeat("a_ ", n),
    "emph-openers": lambda n: repeat("_a ", n),
    "link-closers": lambda n: repeat("a]", n),
    "link-openers": lambda n: repeat("[a", n),
    "mismatched-emph": lambda n: repeat("*a_ ", n),
    "emph-multiple-of-3": lambda n: "a**b" + repeat("c* ", n),
    "link-openers-emph-closers": lambda n: repeat("[ a_", n),
    "bracket-paren": lambda n: repeat("[ (](", n),
    "backticks": lambda n: "".join("e" + "`" * i for i in range(1, int((2 * n) ** 0.5))),
    "unclosed-links-a": lambda n: repeat("[a](<b", n),
    "unclosed-links-b": lambda n: repeat("[a](b", n),
    "html-comments": lambda n: "a" + repeat("<!--", n),
    "html-pi": lambda n: "a" + repeat("<?", n),
    "html-decl": lambda n: "a" + repeat("<!A ", n),
    "html-cdata": lambda n: "a" + repeat("<![CDATA[", n),
    "html-tags": lambda n: repeat("<a x=", n),
    "html-blocks": lambda n: repeat("<div>\n\n", n),
    "many-references": lambda n: "".join(f"[{i}]: u\n" for i in range(1, n // 9)) + "[0] " * 1000,
    "reference-uses": lambda n: "[r]: https://example.org/\n\n" + repeat("[r] ", n),
    "footnotes": lambda n: "".join(f"a[^{i}]\n\n[^{i}]: b\n\n" for i in range(n // 20)),
    "footnote-refs": lambda n: "[^a]: b\n\n" + repeat("[^a] ", n),
    "footnote-nested": lambda n: nested("[^", "a", "]", n),
    "underscores": lambda n: repeat("_", n - 2) + "a",
    "stars": lambda n: repeat("*", n - 2) + "a",
    "tildes": lambda n: repeat("~", n - 2) + "a",
    "strike-runs": lambda n: repeat("~~a ", n),
    "autolinks-www": lambda n: repeat("www.", n),
    "autolinks-email": lambda n: repeat("a@", n),
    "autolinks-many": lambda n: repeat("www.a.de ", n),
    "autolinks-paren": lambda n: "www.a.de/" + repeat("(", n),
    "autolinks-underscore": lambda n: "www." + repeat("_a.", n),
    "task-lists": lambda n: repeat("- [ ] a\n", n),
    "long-line": lambda n: "a" * n,
    "long-word-spaces": lambda n: repeat("a ", n),
    "backslashes": lambda n: repeat("\\", n),
    "entities": lambda n: repeat("&amp;", n),
    "bad-entities": lambda n: repeat("&#", n),
    "setext": lambda n: repeat("a\n=\n", n),
    "code-fences": lambda n: repeat("```\n", n),
    "indented-code": lambda n: repeat("    a\n", n),
    "hard-breaks": lambda n: repeat("a  \n", n),
    "thematic": lambda n: repeat("***\n", n),
    "link-titles": lambda n: repeat('[a](b "', n),
    "image-alt-emph": lambda n: "![" + repeat("*a* ", n - 10) + "](y)",
    "many-images": lambda n: repeat("![a](../medien/illustration-netzwerk.svg) ", n),
    "many-noalt-images": lambda n: repeat("![](https://example.org/a.png) ", n),
    "invalid-links": lambda n: repeat("[a](/root) ", n),
    "missing-pages": lambda n: repeat("[a](../kommunen/fehlt.md) ", n),
    "distinct-broken-anchors": lambda n: "".join(f"## h{i}\n\n" for i in range(n // 20)) + "".join(f"[x](#z{i}) " for i in range(n // 24)),
    "list-items": lambda n: repeat("- a\n", n),
    "loose-list": lambda n: repeat("- a\n\n", n),
    "h1-headings": lambda n: repeat("# a\n\n", n),
}

FRONT_MATTER = "---\ntitel: Pathologisch\ndatum: 2024-05-14\n---\n"

FRONT_MATTER_SHAPES = {
    "fm-long-title": lambda n: "---\ntitel: " + "a" * n + "\ndatum: 2024-05-14\n---\nText.\n",
    "fm-many-sources": lambda n: "---\ntitel: T\ndatum: 2024-05-14\nquellen:\n" + repeat("  - titel: Q\n    url: https://example.org/\n", n) + "---\nText.\n",
    "fm-many-unknown-keys": lambda n: "---\ntitel: T\ndatum: 2024-05-14\n" + "".join(f"k{i}: 1\n" for i in range(n // 8)) + "---\nText.\n",
    "fm-deep-flow": lambda n: "---\ntitel: T\ndatum: 2024-05-14\nx: " + nested("[", "1", "]", n) + "\n---\nText.\n",
    "fm-aliases": lambda n: "---\ntitel: &a T\ndatum: 2024-05-14\nx: [" + repeat("*a, ", n) + "]\n---\nText.\n",
    "fm-many-kommunen": lambda n: "---\ntitel: T\ndatum: 2024-05-14\nkommunen: [" + repeat("bendorf, ", n) + "]\n---\nText.\n",
    "fm-many-missing-kommunen": lambda n: "---\ntitel: T\ndatum: 2024-05-14\nkommunen: [" + "".join(f"k{i}, " for i in range(n // 8)) + "]\n---\nText.\n",
    "fm-long-comment": lambda n: "---\n#" + "a" * n + "\ntitel: T\ndatum: 2024-05-14\n---\nText.\n",
    "fm-many-lines": lambda n: "---\ntitel: T\ndatum: 2024-05-14\n" + repeat("#\n", n) + "---\nText.\n",
}


def document(shape, size):
    if shape in FRONT_MATTER_SHAPES:
        return FRONT_MATTER_SHAPES[shape](size)
    return FRONT_MATTER + SHAPES[shape](size) + "\n"


def measure(sitegen, shape, size, keep):
    work = tempfile.mkdtemp(prefix="sitegen-patho-")
    try:
        content = os.path.join(work, "content")
        shutil.copytree(os.path.join(ROOT, "content"), content)
        path = os.path.join(content, "meldungen", "2024-05-14-pathologisch.md")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(document(shape, size))
        command = ["/usr/bin/time", "-v", sitegen, "build", "--quiet", "--no-cache",
                   "--content", content, "--templates", os.path.join(ROOT, "templates"),
                   "--output", os.path.join(work, "public")]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=args_timeout, errors="replace")
        except subprocess.TimeoutExpired:
            return shape, None, None, "timeout", "(%d s)" % args_timeout
        stderr = run.stderr
        # Processor time (user and system) rather than wall time: the
        # machine may be busy with other work.
        user = re.search(r"User time \(seconds\): ([\d.]+)", stderr)
        system = re.search(r"System time \(seconds\): ([\d.]+)", stderr)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
        elapsed = float(user.group(1)) + float(system.group(1)) if user and system else None
        diagnostics = [line for line in stderr.splitlines() if ": error: " in line or ": warning: " in line]
        status = "exit %d" % run.returncode
        first = diagnostics[0][:150] if diagnostics else ""
        if len(diagnostics) > 1:
            first += " (+%d more)" % (len(diagnostics) - 1)
        return shape, elapsed, int(rss.group(1)) // 1024 if rss else None, status, first
    finally:
        if keep:
            print("kept", work, file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--sitegen", default=os.path.join(ROOT, ".build", "release", "sitegen"))
    parser.add_argument("--write", metavar="DIR", help="only write the documents into DIR")
    parser.add_argument("--keep", action="store_true", help="keep the temporary site")
    parser.add_argument("--growth", action="store_true", help="also build at a quarter of the size and print the ratio")
    parser.add_argument("shapes", nargs="*")
    args = parser.parse_args()
    shapes = args.shapes or list(SHAPES) + list(FRONT_MATTER_SHAPES)
    unknown = [s for s in shapes if s not in SHAPES and s not in FRONT_MATTER_SHAPES]
    if unknown:
        parser.error("unknown shapes: " + ", ".join(unknown))
    if args.write:
        os.makedirs(args.write, exist_ok=True)
        for shape in shapes:
            with open(os.path.join(args.write, shape + ".md"), "w", encoding="utf-8", newline="") as f:
                f.write(document(shape, args.size))
        return
    print("%-28s %8s %8s %8s  %-8s %s" % ("shape", "cpu s", "MB", "growth", "status", "first diagnostic"))
    for shape in shapes:
        name, elapsed, rss, status, first = measure(args.sitegen, shape, args.size, args.keep)
        growth = "-"
        if args.growth and elapsed is not None:
            # The same shape at a quarter of the size: about 4 when the
            # build is linear in it (less, as the rest of the site is fixed).
            _, quarter, _, _, _ = measure(args.sitegen, shape, args.size // 4, False)
            if quarter:
                growth = "%.1f" % (elapsed / quarter)
        print("%-28s %8s %8s %8s  %-8s %s" % (name, "%.2f" % elapsed if elapsed is not None else "-",
                                               rss if rss is not None else "-", growth, status, first), flush=True)


if __name__ == "__main__":
    main()
