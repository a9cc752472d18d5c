"""User knowledge-base files listed in CHRONIQUE_KB: TSV, CSV, YAML and PETRARCH/Phoenix actor
dictionaries. Every dictionary here is written by the test; the knowledge base and the pipelines that
hold it are rebuilt before and after each test, so no test's CHRONIQUE_KB reaches another test."""

from __future__ import annotations

import datetime as dt
import logging
import os

import pytest
from conftest import actor_named

from chronique.errors import ChroniqueError
from chronique.kb import knowledge_base, read_entries
from chronique.petrarch import current_code, parse_code, read_actor_dictionary, title_case

PHOENIX = """\
# Invented PETRARCH-format actor dictionary for tests
<!-- a one-line XML comment -->
SAN_MARINO_  [SMR]
+SERRAVALLE_

MOKGWEETSI_MASISI_  # Botswana
+PRESIDENT_MASISI_
+MASISI_
+THE_MASISI_ADMINISTRATION_
\t[BWAELI 20090101-20180331]
\t[BWAGOV 20180401-20241101]
\t[BWAELI]

ZORAN_QUILLFEATHER_
+Z._QUILLFEATHER_
\t[NZLGOV 19990101-20051231]
\t[NZLGOV 20100101-20121231]

OLGA_VANTERPOOL_  [IGOUNO 19900101-20000101] [ELI]

HALDOR_BRIMSTAD_
\t[NORGOV 1990011-19991231]
\t[NORGOV >20000101]

NORTHERN_LIBERATION_FRONT_(NLF)_ [COLREB]
+FRENTE_DEL_NORTE_

+PLURAL_FORM_{PLURALS}
UNCODED_PERSON_
"""


@pytest.fixture
def user_kb(tmp_path, monkeypatch):
    """write(name, text) -> path; every file written is listed in CHRONIQUE_KB. The knowledge base and
    the pipelines built on it are cleared before and after the test."""
    from chronique.analysis.pipeline import load_pipeline

    def clear() -> None:
        knowledge_base.cache_clear()
        load_pipeline.cache_clear()

    paths: list[str] = []

    def write(name: str, content: str | bytes):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append(str(path))
        monkeypatch.setenv("CHRONIQUE_KB", os.pathsep.join(paths))
        clear()
        return path

    clear()
    monkeypatch.delenv("CHRONIQUE_KB", raising=False)
    yield write
    clear()


# ---------------------------------------------------------------------- PETRARCH format pieces
def test_codes_and_dates():
    assert parse_code("USAGOV 090120-170120") == parse_code("USAGOV 20090120-20170120")
    assert parse_code("AFGGOV >011222").start == dt.date(2001, 12, 22)
    assert parse_code("HTIOPPMED <061231").end == dt.date(2006, 12, 31)
    assert parse_code("---").code is None
    for bad in ("usagov", "USAGOV 2004017-20061201", "USAGOV 20100101-20090101", "USAGOV 20090230-20100101"):
        with pytest.raises(ValueError):
            parse_code(bad)
    codes = [parse_code(c) for c in ("USAELI 780101-000101", "USAGOV 090120-170120", "USAELI")]
    assert current_code(codes, dt.date(2012, 6, 1)) == "USAGOV"   # in force
    assert current_code(codes, dt.date(2020, 6, 1)) == "USAELI"   # none in force: the undated default
    ended = [parse_code(c) for c in ("NZLGOV 19990101-20051231", "NZLGOV 20100101-20121231",
                                     "NZLMIL 20010101-20020101")]
    assert current_code(ended, dt.date(2020, 1, 1)) == "NZLGOV"   # only dated ones: the one that ended last


def test_title_case():
    assert title_case(["BASHAR", "AL-ASSAD"]) == "Bashar al-Assad"
    assert title_case(["FRONT", "FOR", "THE", "LIBERATION", "OF", "PALESTINE"]) == (
        "Front for the Liberation of Palestine")
    assert title_case(["MIGUEL", "D'ESCOTO", "BROCKMANN"]) == "Miguel D'Escoto Brockmann"
    assert title_case(["KURDISTAN", "WORKERS'", "PARTY"]) == "Kurdistan Workers' Party"
    assert title_case(["PEOPLE'S", "ARMY"]) == "People's Army"
    assert title_case(["U.N.", "MONITOR"]) == "U.N. Monitor"


def test_phoenix_dictionary_to_entries(tmp_path, caplog):
    path = tmp_path / "Test.actors.txt"
    path.write_text(PHOENIX, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="chronique.petrarch"):
        result = read_actor_dictionary(path, as_of=dt.date(2015, 1, 1))
    by_name = {e.name: e for e in result.entries}
    masisi = by_name["Mokgweetsi Masisi"]
    assert (masisi.kind, masisi.country, masisi.code) == ("person", "BWA", "BWAELI")  # 2015: before his term
    assert set(masisi.aliases) == {"Mokgweetsi Masisi", "President Masisi", "Masisi"}  # no "administration"
    assert read_actor_dictionary(path, as_of=dt.date(2020, 1, 1)).entries[0].code == "BWAGOV"
    assert by_name["Zoran Quillfeather"].code == "NZLGOV" and by_name["Zoran Quillfeather"].country == "NZL"
    vanterpool = by_name["Olga Vanterpool"]
    assert (vanterpool.code, vanterpool.country) == ("ELI", None)   # an IGO code has no country
    assert by_name["Haldor Brimstad"].code == "NORGOV"               # the bad date line is skipped, not the actor
    front = by_name["Northern Liberation Front"]
    assert (front.kind, front.country, front.code) == ("group", "COL", "COLREB")
    assert {"NLF", "Frente del Norte"} <= set(front.aliases)
    assert "San Marino" not in by_name and result.places == 1          # a bare country is the gazetteer's
    assert result.uncoded == 1                                        # UNCODED_PERSON_
    assert [line for line, _, _ in result.bad_lines] == [22, 28]
    assert "[W003]" in caplog.text and "2 line(s) skipped" in caplog.text and str(path) in caplog.text


# ---------------------------------------------------------------------- through CHRONIQUE_KB
def test_petrarch_entry_aliases_resolve_to_one_person(user_kb):
    user_kb("Test.actors.txt", PHOENIX)
    kb = knowledge_base()
    found = {kb.person(name) for name in ("Mokgweetsi Masisi", "Masisi", "President Masisi", "Mokgweetsi MASISI")}
    assert len(found) == 1
    (masisi,) = found
    assert masisi is not None and masisi.country == "BWA"
    assert masisi.code == ("BWAELI" if dt.date.today() > dt.date(2024, 11, 1) else "BWAGOV")
    quillfeather = kb.person("Z. Quillfeather")
    assert quillfeather is not None and quillfeather == kb.person("Zoran Quillfeather")
    assert kb.organization("NLF").name == "Northern Liberation Front"
    assert kb.organization("Serravalle") is None


def test_dated_code_picks_the_one_in_force(user_kb):
    user_kb("dated.txt", "ILSE_MARNAGARD_\n\t[DNKGOV 19900101-19991231]\n\t[DNKMIL >20000101]\n\t[DNKELI]\n")
    assert knowledge_base().person("Ilse Marnagard").code == "DNKMIL"


def test_user_person_known_to_shipped_kb_is_merged(user_kb):
    shipped = knowledge_base().person("Barack Obama")
    user_kb("obama.txt", "BARACK_OBAMA_\n+SENATOR_OBAMA_\n\t[USAGOV 20090120-20170120]\n\t[USAELI]\n")
    merged = knowledge_base().person("Obama")   # one person, not two that make "Obama" ambiguous
    assert merged is not None and merged.name == shipped.name and merged.kb_id == shipped.kb_id
    assert merged.code == "USAELI" and "Senator Obama" in merged.aliases


def test_csv_and_yaml_entries(user_kb):
    user_kb("people.csv", "name,kind,country,code,aliases\n"
                          "Jane Quorvath,person,NZL,NZLGOV,J. Quorvath|Jane M. Quorvath\n"
                          '"Velt Mining, Ltd.",organization,AUS,AUSBUS,Velt Mining\n')
    user_kb("more.yaml", "- name: Tarou Okimasa\n  kind: person\n  country: JPN\n  role: foreign minister\n"
                         "  aliases: [T. Okimasa]\n"
                         "- {name: Radio Meridian, kind: media, country: FRA, code: FRAMED,\n"
                         "   aliases: 'RM|Meridian FM'}\n")
    kb = knowledge_base()
    jane = kb.person("Jane M. Quorvath")
    assert jane is not None and (jane.name, jane.country, jane.code) == ("Jane Quorvath", "NZL", "NZLGOV")
    assert kb.organization("Velt Mining").name == "Velt Mining, Ltd."
    okimasa = kb.person("T. Okimasa")
    assert okimasa is not None and (okimasa.country, okimasa.role) == ("JPN", "foreign minister")
    radio = kb.organization("Meridian FM")
    assert radio is not None and (radio.kind, radio.code) == ("media", "FRAMED")


def test_tsv_and_sniffed_suffixes(user_kb):
    user_kb("orgs.tsv", "name\tkind\tcountry\tcode\tkb_id\taliases\n"
                        "Blue Lantern Trust\torganization\tGBR\tGBRNGO\t-\tBLT\n")
    user_kb("actors.dict", "# no .txt suffix, still PETRARCH\nPIETA_SORVALLI_ [ITAGOV]\n")
    user_kb("people", "name\tcountry\trole\tkb_id\taliases\nAmara Tindoulou\tMLI\tminister\t-\tTindoulou\n")
    kb = knowledge_base()
    assert kb.organization("BLT").country == "GBR"
    assert kb.person("Pieta Sorvalli").code == "ITAGOV"
    assert kb.person("Tindoulou").role == "minister"


@pytest.mark.parametrize(("name", "text", "code"), [
    ("garbage.txt", "Dear reader,\nthis is a letter, not a dictionary.\n", "E304"),
    ("empty.txt", "# only a comment\n", "E304"),
    ("binary.txt", b"\xff\xfe\x00\x81garbage", "E304"),
    ("bad.yaml", "name: not a list\n", "E305"),
    ("nokind.yaml", "- {name: X Y, kind: alien}\n", "E305"),
    ("noname.csv", "name,kind\n,person\n", "E305"),
    ("short.csv", "name,kind,country\nA B,person\n", "E306"),
])
def test_bad_user_files_raise_coded_errors_naming_the_file(user_kb, name, text, code):
    path = user_kb(name, text)
    with pytest.raises(ChroniqueError) as caught:
        knowledge_base()
    assert caught.value.code == code and str(path) in str(caught.value)


def test_missing_user_file(user_kb, tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONIQUE_KB", str(tmp_path / "nowhere.tsv"))
    with pytest.raises(ChroniqueError) as caught:
        read_entries(tmp_path / "nowhere.tsv")
    assert caught.value.code == "E303" and "nowhere.tsv" in str(caught.value)


# ---------------------------------------------------------------------- the pipeline
def test_pipeline_actor_gets_the_dictionary_country_and_code(user_kb, analyze_text):
    text = ('Mokgweetsi Masisi met mine workers on Monday. "We will protect every job," Masisi said '
            "after the meeting.")
    before = actor_named(analyze_text(text, lang="en"), "Masisi")
    assert before["code"] != "BWAELI"
    user_kb("Test.actors.txt", PHOENIX)
    record = analyze_text(text, lang="en")
    actor = actor_named(record, "Masisi")
    assert actor["name"] == "Mokgweetsi Masisi" and actor["kind"] == "person"
    assert actor["country"] == "BWA"
    assert actor["code"] == ("BWAELI" if dt.date.today() > dt.date(2024, 11, 1) else "BWAGOV")
    assert len([a for a in record["actors"] if a["name"] == "Mokgweetsi Masisi"]) == 1
