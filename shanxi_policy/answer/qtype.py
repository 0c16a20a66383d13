"""Question typing: the shape of answer a question asks for.

factoid     多少 / 哪一年 / 谁 — one sentence
open        如何 / 怎么 / 哪些 / 有什么要求 / 措施 — the relevant sentences of the best clause(s), as a list
parts       重点任务 / 几个方面 / 哪几项 — the sub-headings or enumerated items of a whole
comparison  "2027年和2035年的目标有什么不同" — a small table
metadata    发文机关 / 成文日期 / 文号 / 标题 / 哪个文件规定了… — answered from document metadata
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Hit
from ..norms.liability import penalty_shaped, under_liability
from ..text.tokenize import content_terms

# A year written in digits ("2035年"); shared by the answer modules.
YEAR = re.compile(r"(\d{4})\s*年")
# A question on the penalty for a breach ("…要罚多少钱", "怎么罚"), and the chapters that state penalties.
# "…擅自开工建设的，怎么处理？": what becomes of a breach the question describes is its penalty.
# Not doing what an answer asks, and what follows ("不办会怎么处理", "没备案的话会怎样").
NOT_DONE = (r"(?:如果|若|要是)?(?:不|没有?|未)(?:按规定|按要求|依法|及时|按时|如实)?"
            r"(?:办理?|做|申请|报批|备案|变更|执行|落实|登记|报告|报送|上报|提交|交|缴纳?|清缴|公开|安装|审核)"
            r"(?:的话)?会?(?:怎么|如何|怎样)(?:处理|办|样)?")
# Acting without the paper the law asks for ("没有许可证", "无证", "未经批准").
WITHOUT_PAPER = re.compile(r"无(?:[\u4e00-\u9fff]{0,6})?许可证|无证|未取得|没有(?:取得)?(?:[\u4e00-\u9fff]{0,6})?许可证|"
                           r"未经(?:批准|许可|审批)")
def other_than_unpapered(question: str, breach: str) -> bool:
    """The question asks of acting without a paper ("没有许可证私自收购…") and the breach text says nothing of lacking one
    (a holder's duty, "领取…许可证的单位，应当…"): another breach."""
    return bool(WITHOUT_PAPER.search(question)) and not WITHOUT_PAPER.search(breach)


# The sanctions a penalty article names, asked by name ("能拘留人吗").
SANCTIONS = re.compile(r"拘留|行政拘留|吊销|查封|扣押|没收|责令停业|责令关闭")
ASKS_PENALTY = re.compile(r"处罚|罚款|罚多少|罚几|怎么罚|如何罚|罚钱|法律责任|罚则|追究|"
                          # "谁来罚？", "罚不罚？", "能罚吗？": who punishes, or whether, is a penalty question too
                          r"谁来?罚|罚不罚|能罚吗|会不会罚|会被罚|罚得?有?多[重狠严]|罚得重不重|"
                          # "什么情况下会被拘留", "会不会被吊销执照": a sanction asked by name
                          r"拘留|被(?:依法)?(?:吊销|查封|扣押|没收|责令停业|责令关闭)|"
                          # "篡改监测数据会有什么后果", "没验收就投产了会怎么样": what follows from an act
                          r"(?:有|会有|承担|面临)(?:什么|哪些|啥|何种)(?:法律)?后果|后果是什么|"
                          r"(?<=[了话])[，,]?会(?:怎么样|怎样|咋样)|"
                          # "…还在使用国家明令淘汰的高耗能设备，节能主管部门怎么处理？": what the authority does about it
                          r"(?:主管部门|管理部门|执法部门|环保局|环保部门)(?:会|要|应当|应该|该)?(?:怎么|如何|怎样)(?:处理|处置|管)|"
                          r"(?:负责人|法定代表人|法人|老板|责任人员?|主管人员)[^，。？?]{0,4}会(?:怎么样|怎样|咋样)|"
                          # "重点排污单位不公开环境信息，会怎么处理？", "电网拒不收购怎么办？": a duty not done, and what follows
                          r"(?:不|不如实|拒不|没有?|未)(?:公开|报告|报送|申报|缴纳|执行|改正|整改|收购|配合|提供|登记|备案)"
                          r"[^？?]{0,30}(?:怎么|如何|怎样)(?:处理|处置|办)|"
                          r"(?:擅自|未经|未依法|未按规定|违反|违法|违规|私自|偷排|偷倒|未批先建|不按规定)"
                          r"[^？?]{0,40}(?:怎么|如何|怎样)(?:处理|处置|办|管)|"
                          # "没做环评就先开工了，怎么处理？": an act done without what the law asks first
                          r"(?:没|未|不)[^，。？?]{1,8}就[^？?]{1,20}(?:怎么|如何|怎样)(?:处理|处置|办|管)|"
                          # "重点用能单位没按时报能源利用状况报告，会怎么处理？": a duty not done, and what follows
                          r"(?:没有?|未)(?!经)[^，。？?的]{1,14}[，,]?(?:会|要)?(?:怎么|如何|怎样)(?:处理|处置|罚)|"
                          # "不办会怎么处理？", "没备案的话会怎样": what follows from not doing what was asked
                          r"(?:^|[，,])" + NOT_DONE)


def in_liability_chapter(hit: Hit) -> bool:
    """The clause stands under a chapter on legal liability (法律责任 / 罚则), or, in a text without chapters, reads as
    a penalty article (norms.liability.penalty_shaped)."""
    return under_liability(hit.path) or (len(hit.path) <= 1 and penalty_shaped(hit.text))


# Metadata fields and the wordings that ask for them. The order matters: the first match wins.
META_FIELDS: list[tuple[str, re.Pattern[str]]] = [
    # What the library holds ("库里有哪些行政法规", "系统收录了多少部法律"): answered from the documents' list.
    ("library", re.compile(r"(?:文档库|资料库|知识库|数据库|系统|库)(?:里|中|内)?(?:现在|目前|一共|总共|共)?"
                           r"(?:有|收录了?|存了?|包括|包含|装了?)(?:哪些|什么|多少|几)(?:部|份|个|篇|件)?"
                           r"(?:文件|文档|资料|法律法规|法律|行政法规|法规|政策|规范性文件|条例|新闻报道|报道)|"
                           r"^(?:现在|目前)?(?:都|一共|总共)?有(?:哪些|多少|几)(?:部|份|个)?"
                           r"(?:文件|文档|法律法规|法律|行政法规|法规|规范性文件)[？?。]?$")),
    ("doc_number", re.compile(r"文号|发文字号|字号是")),
    ("issuer", re.compile(r"发文机关|印发机关|印发单位|发文单位|发布单位|发布机关|制发机关|制定机关|颁布机关|"
                          r"(?:由|是)?(?:哪些|哪个|哪家|什么)(?:单位|部门|机关|机构)(?:联合)?(?:印发|发布|制定|颁布|发的|通过)|"
                          r"(?:由|是)谁(?:联合)?(?:印发|发布|制定|颁布|通过)|谁(?:印发|发布|制定|颁布|通过)的")),
    # When a text takes effect: its own closing article says so ("本法自2023年4月1日起施行").
    ("effective", re.compile(r"施行日期|生效日期|(?:什么时候|何时|哪天|哪一?年|几月)(?:开始|正式|起)?(?:施行|生效|实施)|"
                             r"(?:施行|生效)(?:于|的)?(?:时间|日期)")),
    ("date", re.compile(r"成文日期|印发日期|发布日期|发文日期|颁布日期|"
                        r"(?:什么时候|何时|哪一?年|哪天|几月)(?:印发|发布|颁布|出台|施行|生效|通过|制定|修订|修正|修改)|"
                        r"(?:印发|发布|颁布|出台|施行|生效)(?:于|的)?(?:时间|日期)")),
    ("title", re.compile(r"标题|全称|文件名称|文件名|叫什么名")),
    ("doc_type", re.compile(r"文种|什么类型的文件|属于什么文件")),
    ("which_doc", re.compile(r"哪个文件|哪份文件|哪一?部法律?|哪个法规|哪部法规|哪个法律|什么文件|哪些文件|"
                             r"出自哪|哪个政策|哪项政策|依据哪|"
                             # "这是哪一条规定的？": the article, shown with its document
                             r"(?:是|在)?(?:哪一条|哪条|第几条)(?:规定|写)的?")),
]

# Field names that ask about a document whatever precedes them; the other wordings ("由谁发布", "何时施行")
# ask about a document only when what precedes them is one ("这份实施意见", "水污染防治法") or nothing:
# "国家重要湿地名录由谁发布" asks what a text says.
_META_EXPLICIT = re.compile(r"文号|发文字号|发文机关|印发机关|制发机关|"
                            r"印发单位|发文单位|发布单位|发布机关|制定机关|颁布机关|成文日期|印发日期|"
                            r"发布日期|发文日期|颁布日期|施行日期|生效日期|标题|全称|文件名|文种")
# what ends a document's name; 《…》 names one too
_DOC_WORD = re.compile(r"(?:文件|意见|通知|决定|办法|条例|规定|方案|规划|细则|法律|法规|法|政策|报道|它|其|》)$")
_DOC_PRONOUN = re.compile(r"这|该|本|此|上述")


def asks_of_document(question: str, match: re.Match[str]) -> bool:
    """The metadata wording matched asks about a document: by a field's name, or after a document's name,
    a pronoun or nothing."""
    if _META_EXPLICIT.search(match.group(0)):
        return True
    # "水法和水污染防治法分别是哪个机关发布的": 分别/各自 stand between the names and the field asked
    before = re.sub(r"(?:是|由|于|的|在|从|自|最早|最初|首次|正式|分别|各自|都)+$", "", question[:match.start()].strip("，, "))
    before = YEAR.sub("", before).strip("，, ")
    return not before or bool(_DOC_PRONOUN.search(before)) or bool(_DOC_WORD.search(before))


_COMPARE = re.compile(r"有什么不同|有何不同|有什么区别|有何区别|区别是什么|不同之处|有什么变化|有何变化|相比|对比|比较")
PARTS = re.compile(r"重点任务|主要任务|几个方面|几方面|哪几个方面|哪几方面|哪几项|几项|几大|哪几类|几类|"
                    r"哪些方面|哪些任务|几个阶段|哪几个阶段|分几步|由哪几部分|几部分")
_OPEN = re.compile(r"如何|怎么|怎样|哪些|有什么要求|有何要求|什么要求|要求是什么|有什么规定|有何规定|什么规定|"
                   r"措施|举措|任务|做法|办法有|怎么办|哪些方面|具体要求|采取什么|主要内容|包括什么|包括哪些|重点是什么|"
                   r"做什么|干什么|应当做|需要做|为什么|负责什么|负责哪些|什么职责|什么责任|什么义务|何种义务|分别|"
                   # "有什么改革要求": a few words may stand between the question word and what is asked for.
                   r"(?:有|提出|作出)(?:什么|哪些|何)[\u4e00-\u9fff]{0,4}?(?:要求|规定|措施|举措|任务|安排|工作|限制|条件)|"
                   # "实行什么制度": a system is laid down by its whole provision, not by its name alone.
                   r"(?:实行|建立|实施)(?:什么|哪些|何种)[\u4e00-\u9fff]{0,4}?制度|"
                   # "在什么情况下…": the conditions, usually several.
                   r"什么情况|哪些情况|什么情形|哪些情形|注意什么|注意哪些|注意事项|"
                   # "审批要经过哪些程序": a procedure is its steps, laid down by the whole provision ("办什么手续"
                   # names one act, answered by one sentence).
                   r"哪些手续|什么程序|哪些程序|什么流程|哪些流程")
# A number or a date asked for: one sentence answers it even when the wording looks open.
_FACTOID = re.compile(r"多少|几[年月日号成个%％]|百分之几|哪一年|哪年|何时|什么时候|多大|多长|多高|多久|比例|比重|占比|"
                      r"是否|能否|可不可以|能不能|要不要|是不是|有没有")


_SEVERAL = re.compile(r"^几(?:个|家|位|名|户|处)")


@dataclass
class QuestionType:
    kind: str  # factoid | open | parts | comparison | metadata
    meta_field: str = ""  # for metadata questions
    years: list[int] = field(default_factory=list)
    meta_fields: list[str] = field(default_factory=list)  # every field asked ("发文机关是谁？文号是多少？")


# Between two fields asked of one document ("是哪个机关发布的，什么时候起施行"): only joining words.
_FIELD_JOIN = re.compile(r"[的，,、；;\s]*(?:和|以及|及|并且|又|还)?(?:是|在|于)?")


def _follows_field(question: str, match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """The wording comes right after another field asked of the document: it asks about the same document."""
    ends = [e for _s, e in spans if e <= match.start()]
    return bool(ends) and bool(_FIELD_JOIN.fullmatch(question[max(ends):match.start()]))


def classify(question: str) -> QuestionType:
    q = question.strip()
    years = [int(y) for y in YEAR.findall(q)]
    asked: list[str] = []
    spans: list[tuple[int, int]] = []
    for name, pat in META_FIELDS:
        m = pat.search(q)
        if m and (name in ("library", "which_doc", "title", "doc_type") or asks_of_document(q, m)
                  or _follows_field(q, m, spans)) \
                and not any(m.start() < e and s < m.end() for s, e in spans):  # "施行日期" asks one field
            asked.append(name)
            spans.append(m.span())
    if asked:
        asked = [n for _s, n in sorted(zip(spans, asked, strict=True))]  # in the order the question asks them
        return QuestionType("metadata", asked[0], meta_fields=asked, years=years)
    distinct = sorted(set(years))
    if _COMPARE.search(q) and (len(distinct) >= 2 or re.search(r"[和与跟同及、]", q)):
        return QuestionType("comparison", "", distinct)
    if PARTS.search(q):
        return QuestionType("parts", "", years)
    # "几个市县共用一条河，…怎么分配": 几个 opening the question means "several", it asks no number.
    if _OPEN.search(q) and not _FACTOID.search(_SEVERAL.sub("", q, count=1)):
        return QuestionType("open", "", years)
    return QuestionType("factoid", "", years)


# A penalty that follows a penalty not heeded ("受到罚款处罚，被责令改正，拒不改正的，…按照原处罚数额按日连续处罚"):
# it presumes the first penalty, which another article of the law sets for the same act.
ESCALATION = re.compile(r"拒不改正[^。]{0,60}?(?:按日连续处罚|按照原处罚数额)")


# A question on what follows a breach, with or without the word for a penalty.
ASKS_CONSEQUENCE = re.compile(rf"{ASKS_PENALTY.pattern}|违反|违法|违规|后果|会怎样|会怎么样|怎么办|吊销|责令|处分|赔偿|刑事|"
                              # a dispute is settled by the liability a 法律责任 chapter lays down
                              r"纠纷|索赔|侵害|侵权")


# The persons a penalty may fall on and the sanctions asked by name: a question of only these words ("负责人会被拘留吗？",
# "那对负责人个人呢？") asks of the case asked before.
LIABLE_PERSON = re.compile(r"负责人|主要负责人|法定代表人|法人代表|法人|老板|厂长|经理|责任人员?|主管人员")
_SANCTION_ONLY = frozenset("负责人 主要负责人 法定代表人 法人代表 法人 老板 厂长 经理 责任人 责任人员 主管人员 个人 直接 "
                           "拘留 坐牢 判刑 停产 关停 关闭 吊销 处分 承担 责任 追究 刑事责任 会不会".split())


def asks_of_person_only(question: str) -> bool:
    """The question names a person liable and nothing of a case ("负责人会被拘留吗？", "那对负责人个人呢？")."""
    terms = [t for t in content_terms(question) if not t.isdigit()]
    return bool(LIABLE_PERSON.search(question)) and bool(terms) and all(
        t in _SANCTION_ONLY or t in PENALTY_WORDS for t in terms)


# Words every penalty question and article share; they do not tell one listed breach from another.
PENALTY_WORDS = frozenset("违反 规定 罚款 处罚 如何 怎么 多少 处以 责令 改正 法律责任 行为 罚得 多重 后果".split())
