"""Findings of the sixteenth user trial (a development zone's approval desk checking projects that want to settle),
each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal


def _cited(rep, relation: str, law: str, article: str) -> bool:
    return any(f.relation == relation and law in f.doc_label and f.article == article for f in rep.findings)


def test_not_buying_banned_equipment_is_no_breach(library_kb):
    # 淘汰 before 的 describes the equipment; it does not take the purchase away
    rep = check_proposal(library_kb, "项目名称：数据中心项目\n项目简介：项目不采购国家已明令淘汰的服务器、空调机组等用能设备。")
    assert not _cited(rep, "conflict", "节约能源法", "第五十一条")
    rep = check_proposal(library_kb, "项目名称：数据中心项目\n项目简介：为节约投资，"
                                     "项目计划采购一批国家已明令淘汰的旧型号空调机组。")
    assert _cited(rep, "conflict", "节约能源法", "第五十一条") or _cited(rep, "conflict", "节约能源法", "第十七条")


def test_a_dust_works_with_its_filter_undecided_is_reviewed(library_kb):
    # 除尘, 排气筒, 除尘灰 and 废砂 tell the proposal discharges and makes waste, so the duties of such a project apply
    rep = check_proposal(library_kb, "项目名称：铸件后处理（清砂、抛丸、打磨）项目\n项目简介：车间内将配套除尘设施，"
                                     "具体型式和排气筒设置待设备选型后确定。清理产生的废砂和除尘灰在车间一角堆放，定期外运。")
    assert rep.verdict == "attention"
    assert any(f.relation == "attention" for f in rep.findings)


def test_denials_read_together_make_no_act(library_kb):
    # a means named only to be denied is not used; a 将 ban needs the thing it is about
    rep = check_proposal(library_kb, "项目名称：酱腌菜加工项目\n项目简介：腌渍产生的高盐废卤水不外排至周边沟渠河道，"
                                     "经厂内预处理后排入园区污水处理厂。蔬菜残叶不随意倾倒，交由环卫部门统一收运。")
    assert not _cited(rep, "conflict", "水污染防治法", "第四十条")
    assert not any(f.relation in ("conflict", "attention") and "固体废物污染环境防治法" in f.doc_label
                   and f.article == "第八十条" for f in rep.findings)
