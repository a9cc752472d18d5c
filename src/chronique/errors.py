"""Every user-facing error and warning of Chronique, each a coded message.

A message names the bad value and says how to fix it. Raise `ChroniqueError(Errors.E101, path=...)`;
the CLI prints `str(error)` as one line.
"""

from __future__ import annotations


class Errors:
    # inputs (readers)
    E101 = "{source}: empty input (no text after stripping whitespace); remove it or give it text"
    E102 = "{source}: binary data, not text ({reason}); pass a .txt, .jsonl, .html or a directory of them"
    E103 = ("{source}: not valid UTF-8 (byte {position}: {reason}); re-encode it, e.g. "
            "`iconv -f latin1 -t utf-8`")
    E104 = "{source}: malformed JSON ({reason}); fix or remove that line"
    E105 = ("{source}: too long ({size:,} characters, the limit is {limit:,}); split it into articles "
            "or raise --max-chars")
    E106 = "{source}: JSON line has no string field 'text' (fields: {fields}); map it with the right field name"
    E107 = "{source}: no such file or directory; check the path"
    E108 = ("{source}: unsupported input type '{suffix}'; use .txt, .jsonl, .json, .html, .htm, .warc(.gz), "
            ".rss, .atom, .xml or a directory")
    E112 = "--field {value!r} is not FIELD=NAME with FIELD one of {fields}; e.g. --field text=body"
    E109 = "{source}: no article text found in the HTML page; it may be a index page or empty"
    E110 = "{source}: published date {value!r} is not an ISO date (YYYY-MM-DD); fix the field or drop it"
    E111 = "{source}: cannot read ({reason})"
    # languages and models
    E201 = ("{source}: language '{lang}' is not supported (supported: {supported}); pass --lang "
            "to force one")
    E202 = ("no spaCy pipeline installed for '{lang}' (tried {models}); install one, e.g. "
            "`pip install {first}`")
    E203 = "{source}: could not tell the language of the text; pass --lang fr or --lang en"
    E204 = "{source}: cannot be analysed ({reason})"
    # resources
    E301 = "{path}:{line}: expected {expected} tab-separated fields, found {found}; fix the row"
    E302 = "{path}: missing resource file; reinstall chronique or add the file for language '{lang}'"
    E303 = "{path}: no such knowledge-base file (listed in CHRONIQUE_KB); fix the path or remove it from CHRONIQUE_KB"
    E304 = ("{path}: not a PETRARCH actor dictionary ({reason}); it needs lines like `BARACK_OBAMA_ [USAELI]`, "
            "or give a table its format's suffix (.tsv, .csv, .yaml)")
    E305 = ("{path}: {where}: {reason}; fix the entry (in YAML, a list of entries like "
            "`- {{name: Jane Doe, kind: person, country: USA, aliases: [J. Doe]}}`)")
    E306 = "{path}:{line}: expected {expected} comma-separated fields, found {found}; fix the row (quote commas)"
    E307 = "{path}: reading a YAML knowledge base needs PyYAML; `pip install pyyaml`, or use a .tsv or .csv file"
    # pipeline
    E401 = "component '{component}' failed on article {doc_id!r}: {reason}; its output is left empty"
    E402 = "unknown output format '{value}'; use one of: {choices}"
    # the web server
    E501 = "{path}: no such database; create it with `chronique ingest SOURCES --db {path}`"
    E502 = "{path}: cannot open the database ({reason}); is another process writing to it?"
    E503 = ("this server is read-only; restart it with --token (or CHRONIQUE_TOKEN) and send "
            "`Authorization: Bearer TOKEN` to store articles")
    E504 = "missing or wrong bearer token; send `Authorization: Bearer TOKEN` with the server's token"


class Warnings:
    W001 = "quote at [{start}:{end}] has no closing mark; closed at the end of its paragraph"
    W002 = "trailing unattributed quoted paragraph at [{start}:{end}] ignored (author blurb or boilerplate)"
    W003 = ("{path}: {count} line(s) skipped, not PETRARCH actor lines (first: line {line}, {reason}: {text!r}); "
            "fix or remove them")


class ChroniqueError(Exception):
    """A user-facing error: `code` is the Errors attribute name, the message its formatted text."""

    def __init__(self, template: str, **values: object) -> None:
        self.code = next((name for name, value in vars(Errors).items() if value == template), "E000")
        self.values = values
        super().__init__(f"[{self.code}] " + template.format(**values))


class InputError(ChroniqueError):
    """One input (file, line, record) cannot be analysed; the others go on."""
