"""Find terms in proposal text and tell whether each mention is negated ("不设燃煤锅炉", "未建设…")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that, before a term in the same clause segment, deny or remove it.
# 无 in a word of its own (无组织, 无害化, 无偿, 无障碍 …) denies nothing.
NEGATORS = re.compile(r"未|无(?!组织|机|害|人|线|缝|水|烟|尘|偿|障碍|纸化)|没有|禁止|严禁|不得|杜绝|取消|"
                      r"不(?!断|仅|但|少|同|锈|定期|低于)")
# Words that remove the thing named after them ("淘汰国四货车", "以电锅炉替代燃煤锅炉"): they negate a
# forbidden item but not an encouraged one ("燃煤锅炉改为电锅炉" still has an electric boiler).
REMOVERS = re.compile(r"拆除|淘汰|替代|替换|改为|关停|取代|置换")
# Before a forbidden item, cutting it down ("减少散煤消耗", "压减燃煤") is the measure against it, not its use.
REDUCERS = re.compile(r"减少|削减|压减|压降|降低|减量")
# After a term in its segment: "散煤替代", "煤改电", "燃煤锅炉改为电锅炉", "国四柴油货车全部淘汰" remove it too.
# "原农药生产企业搬迁后的厂区" is a former plant: the enterprise is gone from the site.
POST_REMOVERS = re.compile(r"^[^，。；,;：:]{0,14}?(?:(?:替代|淘汰|关停|拆除|取缔|清零|退出|改为|改成|改造为|改电|改气|置换为)"
                           # "采购国家明令淘汰的设备", "列入淘汰目录的": a remover before 的 describes the thing acted on
                           r"(?!的|目录|名录|类|清单|范围"
                           # "…约4万吨及其厂区拆除时挖出的污染土": when another thing was removed, not this one removed
                           r"|时|期间|过程|中|挖出|产生)"
                           r"|搬迁后|搬离|迁出|停产后|关闭后"
                           # "原有渗坑已于2023年回填平整": a pit filled in or sealed is gone
                           r"|已(?:于[^，。；,;：:]{0,8}?)?(?:回填|封堵|填平|堵死|封停))")
# Verbs that send a thing to another party or works ("送市生活垃圾焚烧发电厂", "交由有资质单位"); "输送", "发送"
# send no thing.
SENDS = r"(?<![输运发递传])送|送往|送至|运至|运往|运到|交由|交给|委托|卖给|售给"
# Punctuation that ends a clause segment.
SEGMENT_END = re.compile(r"[，。；：,;:！？!?\n]")
# After a place: "保护区外", "保护区以外", "红线范围之外" place the project outside it ("外排", "外运" are acts).
# The place may go on past the term ("水源地" in "水源地二级保护区外"); "外来物种" is foreign, not outside.
POST_OUT = re.compile(r"^(?:[^，。；,;：:的外\d]{0,8}?(?:区|地|带|范围|边界|红线))?(?:以外|之外|外)"
                      r"(?!排|运|售|购|包|委|加|部|观|围墙|墙|环|来)")

# Verbs by which a measure, a facility or a procedure is carried out.
_DO = (r"(?:建设|建成|新建|修建|兴建|建|实施|安装|配套|配备|配置|设置|落实|开展|采取|采用|改造|实行|执行|投运|投用|"
       r"上马|启动|购置|完成|办理|申请|申领|取得|组织|编制|报批|报送|验收|补办|进行)")
# After a thing in its clause: it is not done now, only later or not at all ("脱硫设施暂未建设", "超低排放改造暂不实施",
# "脱硫设施不再建设", "脱硫设施待资金到位后再建设", "以后再建"). Only doing verbs count: "燃煤锅炉不再使用" removes the
# boiler, "废水待处理达标后再排放" puts a condition on the discharge; and the verb ends the clause, so a topic is
# not taken for the object ("危险废物未设置专门贮存场所" still has the waste).
_UNDONE_AFTER = re.compile(
    r"^[^，。；,;]{0,4}?(?:暂|尚|仍|还|均|都|也|目前|暂时|现阶段|本期)*(?:未|没有|暂不|暂缓|不再|缓)(?:予以|进行)?"
    + _DO + r"(?:完成|完毕|到位|工作|工程|手续|相关手续)?$"
    # ("取水许可拟在可研批复后再行申请": planned for later, not done now)
    r"|^[^，。；,;]{0,16}?(?:待|等|拟在|拟于|将在|计划在)[^，。；,;]{0,14}?(?:以后|之后|后)再行?" + _DO
    + r"|^[^，。；,;]{0,8}?(?:以后|今后|日后|将来|后期|远期)再行?" + _DO
    # "建设方案还没有报水利部门审查": not yet sent to the authority that reviews it
    + r"|^[^，。；,;]{0,4}?(?:尚|仍|还|均|都|目前)*(?:未|没有)(?:报|报送|提交|上报|送)"
    + r"[^，。；,;]{0,10}?(?:审查|审批|批准|备案|同意)$"
    # "园区再生水管网建成后逐步替代", "市政污水管网建成后接入": waiting on a network not yet built
    + r"|^[^，。；,;]{0,8}?管网(?:建成|铺设完成|接通|完善)后")
# Before a thing in its clause: the doing of it is put off ("暂缓建设脱硫设施", "待资金到位后再建设脱硫设施",
# "以后再实施超低排放改造").
_UNDONE_BEFORE = re.compile(
    r"(?:暂缓|缓建|推迟|延后|延期)[^，。；,;]{0,8}$"
    r"|(?:待|等)[^，。；,;]{0,14}?(?:以后|之后|后)再行?" + _DO + r"[^，。；,;的]{0,8}$"
    r"|(?:以后|今后|日后|将来|后期|远期)再行?" + _DO + r"[^，。；,;的]{0,8}$")
# "距饮用水水源保护区边界3公里": a distance to a place puts the project outside it when the distance is to the
# place's boundary, or the place is a designated zone (whose boundary the distance is measured to).
_DISTANCE_BEFORE = re.compile(r"(?:距|距离|(?<![隔分脱剥游电背撤偏远])离)[^，。；,;]{0,20}$")
# After a place a distance is told to: far from it, in words ("离一级保护区还有一段距离", "距保护区较远").
_FAR_AFTER = re.compile(r"^[^，。；,;\d]{0,6}?(?:还有|尚有|有)?(?:一段|相当|较大的?|较远的?|很远的?|一定)距离|"
                        r"^[^，。；,;\d]{0,4}?(?:较远|很远|甚远)")
_DISTANCE_AFTER = re.compile(r"^([^，。；,;\d]{0,10}?)(?:约|大约|最近|直线距离|距离|为|有|达|超过|大于)*\s*"
                             r"[\d一二两三四五六七八九十百千.]+\s*(?:公里|千米|km|KM|米|m(?![a-zA-Z]))")
_BOUNDARY = re.compile(r"边界|红线|范围|界线")
# "县城东北约8公里": kilometres off the place in a bearing, so not in it.
_BEARING_AFTER = re.compile(r"^(?:以)?(?:东|西|南|北|东北|西北|东南|西南)(?:方向|方|侧|面)?(?:约|大约|直线距离|距离)?\s*"
                            r"[\d一二两三四五六七八九十.]+\s*(?:公里|千米|km|KM)")
# "不在太行山大峡谷风景名胜区核心景区内": the place is one the project is not in.
_NOT_IN_BEFORE = re.compile(r"(?:不在|不位于|未位于|不处于|未处于|不涉及|未涉及)[^，。；,;]{0,24}$")
# After a network: "集中供热管网尚未延伸至公司所在片区" puts the site outside the area it covers.
_NOT_REACHED_AFTER = re.compile(r"^[^，。；,;]{0,6}?(?:尚未|还未|仍未|暂未|未|没有|还没有?)"
                                r"(?:延伸|覆盖|通达|铺设|敷设|接通|通)(?:至|到)")
# "距最近的村庄居民点约800米": a place named after the nearest one is that place too
_NEAREST = re.compile(r"最近的?[^，。；,;]{0,4}$")


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before text[start:end] in its clause segment (at most 40 characters: the patterns read fewer) and
    the words after it to the segment's end."""
    lead = max(0, start - 40)
    seg = segment_start(text[lead:start], start - lead) + lead
    stop = SEGMENT_END.search(text, end)
    return text[seg:start], text[end : stop.start() if stop else len(text)]


# A procedure under way ("许可证正在申请中", "环评报告书同步编制") …
_PENDING = re.compile(r"^[^，。；,;]{0,16}?(?:正在|尚在|仍在|还在|同步|同时)[^，。；,;]{0,12}?"
                      r"(?:申请|办理|申领|编制|审批|审查|报批|送审|评审)|"
                      # "报告书已委托省内技术单位编制": commissioned to be written, not written ("编制完成" is)
                      r"^[^，。；,;]{0,4}?(?:已|现已)?委托[^，。；,;]{0,14}?编制(?!完成|完毕|并通过|并取得|并获)[^，。；,;]{0,2}$")
# … while the works go ahead before it ends ("申请期间先行开展收集经营", "拟先行施工", "边建设边办理"): the project
# runs without what the procedure grants.
_PROCEED = re.compile(r"^[^。；;！？!?\n]{0,40}?(?:先行|提前|抢先|边)[^，。；,;]{0,4}?"
                      r"(?:开展|开工|建设|生产|经营|开采|施工|运营|运行|收集|投产|实施|作业|动工)")


# Before a procedure: "正在委托第三方编制节能报告" (the word after it is still being done).
_PENDING_BEFORE = re.compile(r"(?:正在|尚在|仍在|还在)[^，。；,;]{0,10}?(?:申请|办理|申领|编制|委托|开展|报批)[^，。；,;]{0,6}$|"
                             # "现委托编制环境影响报告表": commissioned now, so not yet written
                             r"(?:现|目前|现正|刚)(?:已)?委托[^，。；,;已完]{0,8}?(?:编制|办理)$")


# After a paper: its application is filed and awaits the decision ("许可证申请材料已于9月报送省厅，目前处于审查阶段",
# "许可证已申请，待审批"): applied for, not held.
# ("环境影响报告书已于2024年10月上报省生态环境厅，目前还在技术评估，尚未批复": sent up, awaiting)
_APPLIED = re.compile(r"^[^，。；,;]{0,4}?(?:申请|申报)|^[^，。；,;]{0,14}?(?:上报|报送|报批|送审|报审|提交)")
_AWAITING = re.compile(r"(?:审查|审核|审批|评审|技术评估)(?:阶段|之中|中|过程中)|待(?:审批|批复|审查|审核|发证|核发|批准)|"
                       r"尚未(?:批复|核发|发证|获批|批准)|等待(?:审批|批复|发证|审查)")
# The works already run while it is pending ("自2024年3月起即…开展回收，截至目前累计回收约900吨").
_ALREADY_RUNNING = re.compile(r"截至目前[^。；;]{0,10}?累计|自\d{4}年[^，。；,;]{0,6}?起即|已先行|提前开展|"
                              # "自2024年7月起进入试运行阶段", "目前日均接收处置…7.5吨", "一条分装线已试生产"
                              r"自\d{4}年[^，。；,;]{0,6}?起[^，。；,;]{0,4}?(?:进入|开始|投入)?(?:试运行|试生产|运行|生产|投产)|"
                              r"(?:已|现已|目前已)(?:进入|开始|投入)?(?:试运行|试生产|投产|投入运行|投入生产)|"
                              # "车间已于2024年10月开始生产"
                              r"(?:已|已经|现已)于\d{4}年[^，。；,;]{0,6}?(?:开始|正式|投入)(?:生产|运行|运营|营业)|"
                              # "新窑…建成点火，目前已正常生产": a plant at its normal output, a kiln fired
                              r"(?:已|现已|目前已|目前|现)(?:正常|稳定|满负荷)(?:生产|运行|运营)|"
                              r"(?<!计划)(?<!预计)(?<!将)(?<!拟)(?<!争取)(?<!力争)于\d{4}年[^，。；,;]{0,6}?(?:建成)?点火|"
                              r"目前(?:日均|每日|每天|月均|年均)[^，。；,;]{0,6}?(?:接收|处置|处理|生产|收集|回收|运行)")


def in_progress(text: str, start: int, end: int) -> bool:
    """text[start:end] names a procedure under way and not finished ("环境影响报告书目前仍在编制", "节能报告正在委托
    第三方编制", an application filed and under review): begun, so not refused, and not yet done."""
    before, after = _around(text, start, end)
    if _PENDING.search(after) or _PENDING_BEFORE.search(before):
        return True
    stop = re.search(r"[。；;！？!?\n]", text[end:])
    return bool(_APPLIED.match(after)) and bool(_AWAITING.search(text, end, end + stop.start() if stop else len(text)))


# An open question in the applicant's words: whether, or which of two, is still to be decided ("是否全封闭，待设备选型后
# 确定", "视资金情况决定是否安装", "洒水频次待定", "按重点管理还是简化管理，目前还没有明确", "正在咨询县水利局").
_WHETHER = re.compile(r"是否|还是|与否")
_UNDECIDED = re.compile(r"待定|再定|未定|另定|待[^，。；,;]{0,12}?(?:确定|明确|决定)|视[^，。；,;]{0,12}?(?:决定|确定|而定)|"
                        r"(?:还|尚|仍|均|都)?(?:没有|未|不)(?:最终|正式|完全)?(?:明确|确定|核实|落实|了解|清楚)|"
                        r"(?:正在|还在|仍在|尚在)[^，。；,;]{0,16}?(?:咨询|核实|研究|论证|比选|沟通|协调|商议|完善|洽谈|准备)|"
                        # "运行情况另行说明", "何时开展尚未确定": said to be told later
                        r"另行(?:说明|报告|报送|提供)|尚未确定|待完善")


# Options laid out in one sentence ("排放去向有两个方案：一是…，二是…"), of which a later clause may say none is chosen.
_OPTIONS = re.compile(r"(?:两|几|多|[二三四])(?:个|种)(?:方案|选择|考虑|方式|去向)|一是[^。；]{2,60}?二是")


def undecided(text: str, start: int, end: int) -> bool:
    """text[start:end] stands in a clause that leaves it open: a question of whether (是否…, …还是…) that this clause or
    the next says is not yet settled, a thing this clause says is to be decided ("洒水频次待定"), or one of options
    the sentence says are not yet chosen between ("有两个方案：一是…，二是排入附近龙泉河，尚未最终确定")."""
    seg_start = segment_start(text, start)
    stop = SEGMENT_END.search(text, end)
    seg_end = stop.start() if stop else len(text)
    seg = text[seg_start:seg_end]
    if _UNDECIDED.search(seg):
        return True
    sent_start, sent_end = _sentence_span(text, start, end)
    options = _OPTIONS.search(text, sent_start, sent_end)
    if options and _UNDECIDED.search(text, max(end, options.end()), sent_end):
        return True  # the thing, or the options for it, the sentence says are not yet chosen between
    nxt = SEGMENT_END.search(text, seg_end + 1) if stop is not None else None
    following = text[seg_end + 1: nxt.start() if nxt else len(text)] if stop is not None else ""
    if re.match(r"\s*(?:或者|或)", following):
        # "封闭方式（全封闭大棚，或防风抑尘网加苫盖）目前还在比选": alternatives offered, the choice said to be open after them
        after = SEGMENT_END.search(text, nxt.end()) if nxt else None
        rest = following + (text[nxt.end(): after.start() if after else len(text)] if nxt else "")
        if _UNDECIDED.search(rest):
            return True
    if not _WHETHER.search(seg):
        return False
    if "是否" in seg or "与否" in seg:
        return True
    # "A还是B，目前还没有明确": the next clause says the choice is open
    nxt = SEGMENT_END.search(text, seg_end + 1)
    return stop is not None and text[stop.start()] in "，," and bool(
        _UNDECIDED.search(text[seg_end + 1: nxt.start() if nxt else len(text)]))


# Later in a measure's sentence: it stands idle in daily work ("活性炭吸附装置一套，…日常生产时处于备用状态，在…检查时启用").
_IDLE_LATER = re.compile(r"(?:日常|平时|平常|正常生产)[^。；;]{0,10}?(?:处于)?(?:备用状态|闲置|停用|不运行|不开启|不使用)")


def idle(text: str, start: int, end: int) -> bool:
    """text[start:end] names a measure its sentence says stands idle in daily work."""
    return bool(_IDLE_LATER.search(text, end, _sentence_span(text, start, end)[1]))


def undone(text: str, start: int, end: int) -> bool:
    """text[start:end] names a measure or procedure the text says is not done now: put off or not yet done, idle in
    daily work, or under way while the works it must precede go ahead, or still to be decided."""
    before, after = _around(text, start, end)
    if _UNDONE_AFTER.search(after) or _UNDONE_BEFORE.search(before) or undecided(text, start, end):
        return True
    if idle(text, start, end):
        return True
    return bool(_PENDING.search(after)) and bool(_PROCEED.search(text[end:]))


# Works begun: built, being built or running ("主体工程已基本完工", "已试生产", "先行开工").
_WORKS_BEGUN = re.compile(r"(?:已|已经|现已|目前已)(?:于[^，。；,;]{1,10}?)?(?:基本|开始)?(?:带料|正式)?"
                          r"(?:开工|动工|建成|完工|竣工|试生产|试运行|投产|投入生产|投入运行)|"
                          # "已于2023年10月完成一期…的主体土建和设备安装"
                          r"已于[^，。；,;]{1,10}?完成[^，。；,;]{0,14}?(?:土建|主体工程|设备安装|施工)|"
                          # "已于2024年12月组织路基土石方和桥涵工程开工", "目前已完成路基约3公里"
                          r"已于[^，。；,;计拟将待准]{1,26}?(?:开工|动工)|(?:目前|现|现已|已经)已?完成[^，。；,;]{0,10}?(?:路基|土建|基础|主体)|"
                          # "目前已经营业半年": a business open for a time
                          r"(?:已|已经)(?:营业|经营|运营)[^，。；,;]{0,2}?(?:半年|\d+年|\d+个月|[一两二三四五六七八九十几多]+(?:年|个月))|"
                          r"先行(?:开工|建设|启动|施工)|(?:主体工程|厂房|设备)[^，。；,;]{0,8}?已[^，。；,;]{0,4}?(?:完工|建成|安装)")


# The applicant's stated plan to build before the procedure ends ("我们计划先进场施工，水利手续边干边办").
_AHEAD = re.compile(r"(?:计划|准备|拟|打算|决定|要)先(?:行)?(?:进场)?(?:开工|施工|建设|动工|进场)|"
                    r"边(?:干|建|建设|施工|生产)边(?:办|补|完善)")


def proceeds_ahead(text: str) -> bool:
    """The text says the works will go ahead before a procedure they wait for is done."""
    return bool(_AHEAD.search(text))


def works_begun(text: str) -> bool:
    """The text says the works are begun or running."""
    return bool(_WORKS_BEGUN.search(text)) or already_running(text)


def already_running(text: str) -> bool:
    """The text says the works already run ("自2024年3月起即开展回收，截至目前累计回收约900吨")."""
    return bool(_ALREADY_RUNNING.search(text))


def outside(text: str, start: int, end: int) -> bool:
    """text[start:end] names a place the text puts the project outside of: "保护区外", a network that does not reach
    the site, or a distance to its boundary ("距保护区边界3公里"); a distance to a designated zone says the same without
    naming the boundary."""
    before, after = _around(text, start, end)
    if POST_OUT.search(after) or _NOT_IN_BEFORE.search(before) or _BEARING_AFTER.search(after) \
            or _NOT_REACHED_AFTER.search(after):
        return True
    if not _DISTANCE_BEFORE.search(before):
        return False
    if _FAR_AFTER.search(after):
        return True
    m = _DISTANCE_AFTER.search(after)
    # "距最近村庄约800米": the nearest such place is that far away, so the project is in none of them.
    return m is not None and (bool(_BOUNDARY.search(m.group(1))) or is_zone(text[start:end])
                              or bool(_NEAREST.search(before)))


def is_zone(words: str) -> bool:
    """The words name a designated zone of the concept lexicon (保护区, 红线, 禁燃区 …)."""
    from .proposal import load_lexicon  # the lexicon imports this module

    # "水源井" is a well, not the 水源 zone: a distance to it leaves the project's water drawn from it
    return any(re.search(re.escape(z) + _FACILITY_AFTER, words) for z in load_lexicon().fields.get("zone", ()))


# A works named after a zone word ("水源井", "水源泵站"): a facility, not a designated zone.
_FACILITY_AFTER = r"(?![井管泵厂站])"


def segment_start(text: str, pos: int) -> int:
    """Start of the clause segment that holds text[pos]."""
    start = 0
    for m in SEGMENT_END.finditer(text, 0, pos):
        start = m.end()
    return start


@dataclass
class Mention:
    term: str
    start: int
    end: int
    negated: bool
    sentence: str


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence that holds text[start:end], without its closing mark."""
    s = max(text.rfind(ch, 0, start) for ch in "。；！？\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in "。；！？\n") if i >= 0]
    return s, min(ends) if ends else len(text)


def sentence_at(text: str, start: int, end: int) -> str:
    s, e = _sentence_span(text, start, end)
    return text[s:e + 1].strip()


def is_regex_word(term: str) -> bool:
    """A lexicon entry written as a pattern ("/…/"), not a word."""
    return len(term) > 2 and term.startswith("/") and term.endswith("/")


def _pattern(term: str) -> re.Pattern[str]:
    if is_regex_word(term):
        return re.compile(term[1:-1], re.I)
    return re.compile(re.escape(term), re.I)


# "原燃煤锅炉房院内", "原焦化厂址": the site of a former plant names a place, not the plant in use.
# (the rest of the works' name may come first: "原某采石场废弃场地")
_FORMER_SITE = re.compile(r"^[场厂矿站]?(?:闲置|废弃|遗留)?"
                          r"(?:房|厂房|院|旧址|厂址|场地|用地|地块|校舍|校址|校园|院落|房屋|办公楼|迹地)")
# "废弃采石场", "已关闭的砖厂", "原为采石场": a works abandoned, closed or gone, named by what it was.
_ABANDONED_BEFORE = re.compile(r"(?:废弃|废旧|已关闭|已关停|已停产|闭坑)的?$|"
                               r"(?:原为|原是|曾是|曾为|以前是|过去是|原来是)[\u4e00-\u9fff]{0,4}$")
_WORKS_CHAR = "[场厂矿站坑井]"  # how a works' name ends
_WORKS_AFTER = re.compile(f"^{_WORKS_CHAR}")
_WORKS_END = re.compile(f"{_WORKS_CHAR}$")
# Before a works' name: "原" opening a name ("利用…原龙湾小学闲置校舍改建": the school is no longer one).
# ("原料", "原煤", "原有" are no former works: materials, and what is still there)
_FORMER_NAMED = re.compile(r"原(?!料|材料|辅|水|煤|油|液|浆|矿|有|址)[\u4e00-\u9fff]{0,6}$")


def former_site(before: str, after: str, words: str = "") -> bool:
    """The words (between before and after) name the site or buildings of a former works ("原焦化厂址", "原龙湾小学闲置
    校舍"), or a works abandoned or gone ("废弃采石场", "原为采石场"), not a works in use."""
    return (bool(_FORMER_NAMED.search(before)) and bool(_FORMER_SITE.match(after))) \
        or (bool(_ABANDONED_BEFORE.search(before)) and bool(_WORKS_AFTER.match(after) or _WORKS_END.search(words)))


# The problem a project is to solve ("为解决县城冬季供暖燃煤锅炉分散、排放不达标问题"): what it names is what the project
# does away with, not what it builds.
_SOLVING = re.compile(r"(?:解决|破解|化解|针对|整治|根治)[^，。；,;：:]{0,16}$")
_PROBLEM = re.compile(r"^[^，。；,;：:]{0,16}?(?:问题|难题|短板|隐患)")


def solved(before: str, after: str) -> bool:
    return bool(_SOLVING.search(before)) and bool(_PROBLEM.match(after))


# After a remover, when it was done or what it gave ("厂区拆除时挖出的污染土", "拆除过程中产生的废料"): the thing
# after is what the removal yielded, not what is removed.
_REMOVAL_TIME = re.compile(r"^[^，。；,;：:]{0,2}?(?:时|期间|过程|中|施工|作业|产生|挖出|清理出)")


# Before a place in its clause: the project keeps out of it ("项目区已避让生态保护红线和县级湿地公园范围").
_AVOIDED = re.compile(r"避让|避开|绕避|绕开|远离")


def _removes_before(window: str) -> bool:
    return any(not _REMOVAL_TIME.match(window[m.end():]) for m in REMOVERS.finditer(window))


def find_mentions(text: str, terms: list[str], removal_negates: bool = False) -> list[Mention]:
    out: list[Mention] = []
    for term in terms:
        for m in _pattern(term).finditer(text):
            window = text[segment_start(text, m.start()) : m.start()]
            end = SEGMENT_END.search(text, m.end())
            after = text[m.end() : end.start() if end else len(text)]
            removed = _removes_before(window) or bool(POST_REMOVERS.search(after)) \
                or former_site(window, after, m.group(0)) or solved(window, after) \
                or (removal_negates and bool(REDUCERS.search(window)))
            # a negation inside an attribute ("不再使用的废冷冻机油…委托有资质单位") describes the noun after its 的
            said = window[window.rfind("的") + 1:]
            negated = bool(NEGATORS.search(said)) or bool(_AVOIDED.search(said)) or (removal_negates and removed) \
                or undone(text, m.start(), m.end()) or outside(text, m.start(), m.end())
            out.append(Mention(m.group(0), m.start(), m.end(), negated, sentence_at(text, m.start(), m.end())))
    return out


def present(text: str, terms: list[str], removal_negates: bool = False) -> list[Mention]:
    return [m for m in find_mentions(text, terms, removal_negates) if not m.negated]
