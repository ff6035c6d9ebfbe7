#!/usr/bin/env python3
"""Marks the public API of crmrules with CRM_EXPORT (crm/export.hpp, from GenerateExportHeader).

With hidden visibility (CMake option CRM_HIDDEN_VISIBILITY=ON) a shared libcrmrules exports only
what carries CRM_EXPORT. This script annotates, in every header under include/crm, mechanically:

  * each non-template class or struct defined at namespace scope (and the classes nested in
    them):                         class Decimal {            -> class CRM_EXPORT Decimal {
  * each non-inline, non-template function declared at namespace scope, after its leading
    attributes:                    [[nodiscard]] Money f(...); -> [[nodiscard]] CRM_EXPORT Money f(...);
  * each friend function declared (not defined) in such a class:
                                   friend bool operator==(...); -> friend CRM_EXPORT bool operator==(...);
  * functions declared in a crm::detail namespace of a header: inline code in the headers calls
    them, so a program cannot link without them. They are listed at the end: each must be in
    tests/exports_allowed.txt, or the shared_library_exports test fails.

and adds `#include <crm/export.hpp>` to each header it changed. Already annotated declarations
are left alone, so running it again changes nothing.

    python3 tools/add_export_macros.py            # annotate include/crm in place
    python3 tools/add_export_macros.py --check    # exit 1 if anything would change (CI)
    python3 tools/add_export_macros.py --diff     # print what would change

The headers are read line by line as clang-format writes them (one declaration per statement,
braces balanced per line); comments and string literals are ignored when counting braces.
Run clang-format on the changed files afterwards (the include order).
"""

from __future__ import annotations

import argparse
import difflib
import pathlib
import re
import sys

MACRO = "CRM_EXPORT"
SKIP_FILES = {"config.hpp", "export.hpp", "crm.hpp"}
NON_EXPORTED_STARTS = (
    "template", "using", "typedef", "namespace", "static_assert", "inline", "constexpr",
    "consteval", "enum", "extern", "#", "return", "concept", "friend",
)

ATTRS = re.compile(r"^(\s*(?:\[\[[^\]]*\]\]\s*)*)")
CLASS_HEAD = re.compile(r"^(\s*)(class|struct)(\s+)(?!" + MACRO + r"\b)([A-Za-z_]\w*)\b")


def code_only(line: str) -> str:
    """The line without comments, string and character literals (for brace counting)."""
    line = re.sub(r'R"(\w*)\(.*?\)\1"', '""', line)
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(?:\\.|[^'\\])*'", "''", line)
    return line.split("//", 1)[0]


class Scope:
    def __init__(self, kind: str, name: str = "", export: bool = False):
        self.kind = kind  # "ns", "class", "other"
        self.name = name
        self.export = export


def annotate(text: str, path: str, detail_functions: list[str]) -> str:
    lines = text.split("\n")
    out = list(lines)
    scopes: list[Scope] = []
    statement: list[int] = []  # line indexes of the statement being read
    in_block_comment = False
    raw_string = False

    def in_detail() -> bool:
        return any(s.kind == "ns" and s.name.split("::")[-1] == "detail" for s in scopes)

    def at_namespace_scope() -> bool:
        return all(s.kind == "ns" for s in scopes)

    def enclosing_class() -> Scope | None:
        return scopes[-1] if scopes and scopes[-1].kind == "class" else None

    for i, line in enumerate(lines):
        stripped = line.strip()
        # comments and preprocessor lines are not part of a statement
        if in_block_comment:
            if "*/" in line:
                in_block_comment = False
            continue
        if raw_string:
            if ')"' in line:
                raw_string = False
            continue
        if stripped.startswith("/*") and "*/" not in stripped:
            in_block_comment = True
            continue
        if not stripped or stripped.startswith("//") or stripped.startswith("#"):
            continue
        code = code_only(line)
        if re.search(r'R"\w*\(', line) and ')"' not in line.split('R"', 1)[1]:
            raw_string = True
        statement.append(i)
        joined = " ".join(code_only(lines[j]).strip() for j in statement)
        opens, closes = code.count("{"), code.count("}")
        ends = code.rstrip().endswith((";", "{", "}")) or code.rstrip().endswith(":")

        if opens > closes:
            # a scope opens: which kind?
            m_ns = re.match(r"^\s*(?:inline\s+)?namespace\s*([\w:]*)\s*\{", joined)
            head = ATTRS.sub("", joined)
            m_cls = re.match(r"^(class|struct)\s+(?:\[\[[^\]]*\]\]\s*)?(\w+)", head)
            if m_ns:
                scopes.append(Scope("ns", m_ns.group(1)))
            elif m_cls and not joined.startswith("template") and not head.startswith("enum"):
                cls = enclosing_class()
                public = not in_detail() and (at_namespace_scope() or (cls is not None and cls.export))
                if public and MACRO not in joined:
                    for j in statement:
                        new, n = CLASS_HEAD.subn(r"\1\2 " + MACRO + r"\3\4", out[j], count=1)
                        if n:
                            out[j] = new
                            break
                scopes.append(Scope("class", m_cls.group(2), export=public))
            else:
                scopes.append(Scope("other"))
            for _ in range(opens - closes - 1):
                scopes.append(Scope("other"))
            statement = []
            continue
        if closes > opens:
            for _ in range(closes - opens):
                if scopes:
                    scopes.pop()
            statement = []
            continue
        if not code.rstrip().endswith(";"):
            if ends:
                statement = []  # a label (public:) or a one-line body
            continue

        # a complete statement ending in ';' at this scope
        decl = joined.strip()
        statement_lines, statement = statement, []
        if "(" not in decl or MACRO in decl or re.search(r"=\s*(delete|default)\b", decl):
            continue
        body = ATTRS.sub("", decl)
        cls = enclosing_class()
        if cls is not None:
            if cls.export and body.startswith("friend ") and not body.startswith("friend class"):
                first = statement_lines[0]
                out[first] = re.sub(r"\bfriend\s+", "friend " + MACRO + " ", out[first], count=1)
            continue
        if not at_namespace_scope() or body.startswith(NON_EXPORTED_STARTS):
            continue
        if re.match(r"^[\w:<>,\s]*\b\w+\s*=", body):  # a variable with an initialiser
            continue
        first = statement_lines[0]
        m = ATTRS.match(out[first])
        prefix = m.group(1) if m else ""
        out[first] = prefix + MACRO + " " + out[first][len(prefix):]
        if in_detail():
            name = re.search(r"([~\w]+|operator\S+)\s*\(", body)
            detail_functions.append(f"{path}: {name.group(1) if name else body[:60]}")
    result = "\n".join(out)
    if result != text and "#include <crm/export.hpp>" not in result:
        result = add_include(result)
    return result


def add_include(text: str) -> str:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("#include"):
            lines.insert(i, "#include <crm/export.hpp>")
            return "\n".join(lines)
    for i, line in enumerate(lines):
        if line.startswith("#pragma once"):
            lines.insert(i + 1, "\n#include <crm/export.hpp>")
            return "\n".join(lines)
    return "#include <crm/export.hpp>\n" + text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=pathlib.Path(__file__).resolve().parent.parent / "include" / "crm",
                        type=pathlib.Path, help="the folder of the public headers (include/crm)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a header needs the macro")
    parser.add_argument("--diff", action="store_true", help="change nothing; print the changes")
    args = parser.parse_args()

    changed: list[str] = []
    detail_functions: list[str] = []
    for header in sorted(args.root.rglob("*.hpp")):
        if header.name in SKIP_FILES:
            continue
        text = header.read_text(encoding="utf-8")
        rel = str(header.relative_to(args.root.parent))
        new = annotate(text, rel, detail_functions)
        if new == text:
            continue
        changed.append(rel)
        if args.diff or args.check:
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(True), new.splitlines(True), f"a/include/{rel}", f"b/include/{rel}"))
        if not (args.diff or args.check):
            header.write_text(new, encoding="utf-8")
    verb = "need" if (args.check or args.diff) else "annotated"
    print(f"add_export_macros: {len(changed)} headers {verb} {MACRO}", file=sys.stderr)
    for rel in changed:
        print(f"  {rel}", file=sys.stderr)
    if detail_functions:
        print("crm::detail functions exported because inline header code calls them "
              "(each must be listed in tests/exports_allowed.txt):", file=sys.stderr)
        for entry in detail_functions:
            print(f"  {entry}", file=sys.stderr)
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
