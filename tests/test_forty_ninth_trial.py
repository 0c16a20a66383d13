"""Findings of the forty-ninth user trial (a county ecology bureau's deputy head deciding small projects before the
meeting: a carbon-regeneration plant to take hazardous waste before its licence, a coal washery built first, a garage
spraying under a sunshade), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_taking_hazardous_waste_with_the_licence_put_off(library_kb):
    # "边试运行边接收废炭，待生产稳定…后再向省生态环境厅申请经营许可": the licence is named, never held, applied for later
    rep = check_proposal(library_kb, trial_text("49_P03"))
    assert relations(rep, "固体废物污染环境防治法", "第八十条") == {"conflict"}
    assert relations(rep, "危险废物经营许可证管理办法", "第十五条") == {"conflict"}
    # the plant is not built yet: its assessment being written is no 未批先建
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十五条")


def test_an_authoritys_act_said_of_a_thing_is_not_the_projects(library_kb):
    # "矸石外运至县里指定的煤矸石综合利用企业" is no "为建设单位指定编制…报告书的技术单位" (环评法 第二十条)
    rep = check_proposal(library_kb, trial_text("49_P01"))
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十条")
    assert relations(rep, "环境影响评价法", "第二十五条") == {"conflict"}


def test_spraying_under_a_sunshade_is_not_in_an_enclosed_space(library_kb):
    # "搭设钢架遮阳棚作为喷漆区，喷漆时依靠自然通风" and 大气法 第四十五条 "应当在密闭空间或者设备中进行"
    rep = check_proposal(library_kb, trial_text("49_P07"))
    found = [f for f in rep.findings if "大气污染防治法" in f.doc_label and f.article == "第四十五条"]
    assert found and found[0].relation == "attention"
    assert "限制或严格控制" not in found[0].reason  # a duty is no restriction to be justified
