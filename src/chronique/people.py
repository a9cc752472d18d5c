"""Grouping person names into people without document context, with the matcher the pipeline uses
(`chronique names`)."""

from __future__ import annotations

from .kb import knowledge_base
from .names import fullest, same_person


def group_names(names: list[str]) -> list[dict[str, object]]:
    """[{"name": canonical, "members": [given names]}]; every given name in exactly one group. A name
    joins the first group all of whose full names it can be; the knowledge base gives the canonical
    English spelling where it knows the person."""
    kb = knowledge_base()
    groups: list[list[str]] = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        entry = kb.person(name)
        for group in groups:
            known = {kb.person(member) for member in group} - {None}
            if entry is not None and known:
                fits = entry in known
            else:
                full = [m for m in group if len(m.split()) > 1]
                fits = any(same_person(name, m) for m in group) and all(same_person(name, m) for m in full)
            if fits:
                group.append(name)
                break
        else:
            groups.append([name])
    out = []
    for group in groups:
        entries = {kb.person(m) for m in group} - {None}
        canonical = next(iter(entries)).name if len(entries) == 1 else fullest(group)
        out.append({"name": canonical, "members": group})
    return out
