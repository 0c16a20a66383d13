"""Where a text applies: national texts everywhere, a local regulation first only where it is asked about."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from shanxi_policy.models import Document
from shanxi_policy.retrieve.jurisdiction import JurisdictionParams, by_jurisdiction, place_of, places_of


def _doc(doc_id: str, issuer: str) -> Document:
    return Document(doc_id, doc_id, "", [], meta={"issuer": [issuer]})


DOCS = {d.doc_id: d for d in (_doc("law", "全国人民代表大会常务委员会"), _doc("qd", "青岛市人民代表大会常务委员会"),
                              _doc("sx", "山西省人民政府"))}
CLAUSES = {f"{k}:a1": SimpleNamespace(doc_id=k) for k in DOCS}
ORDER = [("qd:a1", 1.0, "hybrid"), ("law:a1", 0.8, "hybrid"), ("sx:a1", 0.7, "hybrid")]


@pytest.mark.parametrize("issuer,place", [("全国人民代表大会常务委员会", ""), ("青岛市人民代表大会常务委员会", "青岛"),
                                          ("山西省人民政府", "山西"), ("国务院", "")])
def test_place_of_reads_the_issuer(issuer, place):
    assert place_of(_doc("d", issuer)) == place


def test_other_places_yield_when_no_place_is_named():
    out = by_jurisdiction(ORDER, places_of(DOCS), CLAUSES, "工地噪声有什么规定？")
    assert [c for c, _, _ in out] == ["law:a1", "sx:a1", "qd:a1"]


def test_a_named_place_comes_first():
    out = by_jurisdiction(ORDER[::-1], places_of(DOCS), CLAUSES, "青岛的工地噪声有什么规定？")
    assert out[0][0] == "qd:a1"


def test_home_province_is_a_setting():
    # With 青岛 as home its texts are no longer another place's.
    out = by_jurisdiction(ORDER, places_of(DOCS), CLAUSES, "工地噪声有什么规定？", JurisdictionParams(home=("青岛",)))
    assert out[0][0] == "qd:a1"
