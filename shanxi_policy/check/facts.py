"""Read the usual fields of a project proposal and split it into facets for retrieval."""

from __future__ import annotations

import re

FIELDS = ("项目名称", "建设单位", "建设地点", "建设内容", "建设规模", "能耗", "工艺", "设备", "运输方式",
          "污染治理措施", "环保措施", "投资", "占地")
_FIELD = re.compile(rf"({'|'.join(FIELDS)})[^：:\n。]{{0,6}}[：:]\s*([^\n。；]+)")

FACETS = {
    "location": r"位于|选址|建设地点|园区|开发区|县|区内|镇|村|保护区|红线",
    "industry": r"项目名称|建设内容|建设规模|产能|生产|年产|项目",
    "equipment": r"设备|工艺|锅炉|窑|炉|生产线|机组|装置",
    "energy": r"能耗|标准煤|用电|用煤|耗煤|天然气|燃料|供热|供暖|光伏|风电|储能",
    "transport": r"运输|车辆|货车|铁路|物流|车队|短驳",
    "emissions": r"废气|排放|粉尘|烟尘|脱硫|脱硝|VOCs|挥发性|扬尘|噪声|治理",
    "water": r"废水|污水|取水|用水|雨水|排水|地下水",
    "land": r"用地|占地|亩|公顷|土壤|地块|复垦",
}
FACET_NAMES = {"location": "选址", "industry": "行业与规模", "equipment": "工艺设备", "energy": "能源",
               "transport": "运输", "emissions": "污染排放", "water": "水", "land": "土地"}


def proposal_fields(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _FIELD.finditer(text):
        out.setdefault(m.group(1), m.group(2).strip()[:200])
    return out


# The works an applicant plans ("拟对老城区和平街实施餐饮特色街改造"), which name a project that has no name line.
_PLANNED_WORKS = re.compile(r"(?:拟|计划|准备|将)((?:在|对|于)?[^，。；,;]{2,40}?"
                            r"(?:项目|工程|改造|车间|生产线|站|厂|场|库|线|中心|基地|街区|街|园区|园))(?=[，。；,;一座条个]|$)")


# A report on a plant in operation, by what its heading calls it: the enterprise tells how it runs now.
_OPERATING_REPORT = re.compile(r"自查报告|自查情况|情况说明|运行情况|整改方案|整改报告|整改情况|执行报告|年度报告|检查情况")
# Works still to be done: planned or new ("计划年内新增一台压滤机", "拟扩建"), not ones done in a past year.
_PLANNED_NEW = re.compile(r"(?:拟|计划|准备|打算|将于|将在|将要)[^，。；,;]{0,20}?"
                          r"(?:新增|新建|扩建|改建|改造|技改|建设|上马|增加)|(?<![已于年])(?:新建|扩建|迁建)")


def operating_report(text: str) -> bool:
    """The material reports on a plant in operation (自查报告, 情况说明, 整改方案 … in its first lines)."""
    head = "\n".join(text.strip().splitlines()[:3])
    m = _OPERATING_REPORT.search(head)
    # "关于…电站项目的情况说明": an account of a project to be approved, not of a plant that runs
    return m is not None and not (m.group(0) == "情况说明" and "项目" in head)


# A project whose title names only a service (a platform, software, training, publicity, a study, an allocation) and no
# works on the ground (a 园区 is where, not what): "全域文旅数字化服务平台及导游人才培训项目" builds nothing a land-use
# or pollution clause could bind.
_SERVICE = re.compile(r"数字化|信息化|小程序|软件|数据中台|信息系统|管理系统|"
                      r"(?:服务|云|信息|调度|监管|管理|数据|执法|追溯|溯源)平台|"
                      r"培训|宣传|营销|推广|规划编制|"
                      r"课题|研究|咨询|评估|分配|考核|评选|招聘")
_ON_THE_GROUND = re.compile(r"厂|场|站|馆|园(?!区)|基地|工程|车间|生产线|道路|管网|楼|(?<!住)房|建筑|酒店|民宿|仓|库|窑|炉|"
                            r"矿|设施|机房|线路|电站|装置")


def service_only(title: str) -> bool:
    return bool(_SERVICE.search(title)) and not _ON_THE_GROUND.search(title)


def plans_new_works(sentence: str) -> bool:
    return bool(_PLANNED_NEW.search(sentence))


def proposal_title(text: str) -> str:
    f = proposal_fields(text)
    if "项目名称" in f:
        return f["项目名称"]
    first = re.split(r"[。\n]", text.strip(), maxsplit=1)[0]
    # "城关镇拟对老城区和平街实施餐饮特色街改造，引入…": the works the applicant plans name the project
    m = _PLANNED_WORKS.search(first)
    if m:
        return m.group(1)
    head = re.split(r"[，,；;]", first, maxsplit=1)[0]
    if len(head) <= 40:
        return head
    return head[:39] + "…"  # a title cut short says so


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[。；！？\n])", text) if len(s.strip()) >= 4]


def facets(text: str) -> dict[str, str]:
    """Facet name -> the proposal sentences about it."""
    sents = split_sentences(text)
    out: dict[str, str] = {}
    for name, rx in FACETS.items():
        chosen = [s for s in sents if re.search(rx, s)]
        if chosen:
            out[name] = "".join(chosen)[:600]
    return out
