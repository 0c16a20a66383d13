"""A duty toward a thing ("对实行集中供热的建筑…实行供热分户计量"): having the thing is not doing the duty; and a thing
backfilled into a trench is used in the soil (土壤污染防治法 第二十四条). Both from dev cases of the law set."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations


def test_having_the_thing_a_duty_is_toward_is_not_doing_it(library_kb):
    rep = check_proposal(library_kb, "项目名称：某住宅小区项目。建设内容：住宅楼15栋，接入城市集中供热管网，室内采用地暖。"
                                     "采暖收费：按房屋建筑面积向住户收取采暖费。")
    assert relations(rep, "节约能源法", "第三十八条") == {"attention"}
    done = check_proposal(library_kb, "项目名称：某住宅小区项目。建设内容：住宅楼15栋，接入城市集中供热管网。"
                                      "每户安装热量表和温控阀，实行供热分户计量，按照用热量收费。")
    assert "supports" in relations(done, "节约能源法", "第三十八条")


def test_a_duty_under_its_own_condition_does_not_bind_a_road_beside_homes(library_kb):
    rep = check_proposal(library_kb, "项目名称：某小区配套道路改造工程。建设地点：小区东侧道路，两侧均为居民楼。"
                                     "施工安排：夜间不施工。")
    assert not relations(rep, "噪声污染防治法", "第五十二条") & {"attention", "supports"}


@pytest.mark.parametrize("where", ["拟全部回填于接地沟内", "埋入风机基础周边的土中"])
def test_a_reducer_with_heavy_metals_backfilled_is_used_in_the_soil(library_kb, where):
    rep = check_proposal(library_kb, "项目名称：某风电项目。接地工程：接地网采用某厂生产的长效降阻剂，检测报告显示其中铅、镉含量"
                                     f"超过相关标准限值，{where}。")
    assert "conflict" in relations(rep, "土壤污染防治法", "第二十四条")
