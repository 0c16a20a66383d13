"""Where a proposal is decides which basin law binds it: a county named in the Yellow River basin brings the
黄河保护法 norms that say "在黄河流域…", and a county outside it does not."""

from __future__ import annotations

import pytest

from shanxi_policy.check.judges import term_groups
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations

_GAS = ("项目名称：某公司煤层气勘探开发项目。建设地点：{place}某镇。建设内容：钻煤层气生产井60口，采用水力压裂增产，"
        "建设集气站1座，所产气经管线输送至城区门站。环评报告书已报送审批。")


@pytest.mark.parametrize("place", ["阳城县", "临汾市乡宁县"])
def test_a_county_in_the_basin_binds_the_basin_duty(library_kb, place):
    rep = check_proposal(library_kb, _GAS.format(place=place))
    assert "attention" in relations(rep, "黄河保护法", "第七十八条")


def test_a_county_outside_the_basin_does_not(library_kb):
    rep = check_proposal(library_kb, _GAS.format(place="大同市广灵县"))
    assert "attention" not in relations(rep, "黄河保护法", "第七十八条")


def test_the_class_after_deng_is_one_more_alternative():
    groups = term_groups("在黄河流域开发煤层气、致密气等非常规天然气的")
    assert any({"煤层气", "天然气"} <= set(g) for g in groups)
    assert ("天然气",) not in groups


def test_a_list_of_parties_keeps_what_they_do():
    groups = term_groups("科研单位、固体废物处置单位等联合攻关")
    assert ("联合攻关",) in groups
