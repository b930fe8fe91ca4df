"""Error lines in the planner's language.

A :class:`~model.errors.ScenarioError` is one line, ``file: field: problem (expected)``, the
same the command line prints. On the Chinese page its frame is Chinese, the field is named
as the catalogue names it (``fiscal_st_growth`` → 财政科技支出增速), and the common problems
are translated; a problem this table does not know keeps the model's words. The file (or
upload) name always comes first, as written, so the planner knows which file is meant.
"""

from __future__ import annotations

import re

from model.catalogue import INDICATORS, LEVERS, PARAMETERS
from model.errors import ScenarioError

from .i18n import t
from .tables import CSS as TABLE_CSS

URL_ZH = "网址"
FIELD_WORDS_ZH = {"": "（文件）", "lang": "语言", "scenario": "情景", "extends": "继承的文件",
                  "--runs": "模拟次数"}
SECTION_WORDS_ZH = {"baseline": "基期值", "levers": "政策杠杆", "parameters": "参数",
                    "p": "参数"}

# (pattern, Chinese) for problems and expectations; groups are kept as written.
PHRASES_ZH: tuple[tuple[str, str], ...] = (
    (r"^(.+) is not a number$", r"\1 不是数字"),
    (r"^(.+) lies outside the range$", r"\1 超出可调范围"),
    (r"^a value from (.+) to (.+)$", r"\1 到 \2 之间的值"),
    (r"^a value in (.+)$", r"以 \1 为单位的数值"),
    (r"^unknown language (.+)$", r"未知语言 \1"),
    (r"^unknown parameter$", "未知的网址参数"),
    (r"^unknown parameter (.+)$", r"未知的网址参数 \1"),
    (r"^no scenario (.+)$", r"没有名为 \1 的情景"),
    (r"^one of (.+)$", r"以下之一：\1"),
    (r"^(\w+) or (\w+)$", r"\1 或 \2"),
    (r"^did you mean (.+)\?$", r"是否应为 \1？"),
    (r"^got (\d+) numbers$", r"给出了 \1 个数"),
    (r"^got (.+)$", r"实际为 \1"),
    (r"^a number$", "数字"),
    (r"^a whole number$", "整数"),
    (r"^a whole number >= (.+)$", r"不小于 \1 的整数"),
    (r"^text in quotes$", "带引号的文本"),
    (r"^true or false$", "true 或 false"),
    (r"^a table$", "表"),
    (r"^an array$", "数组"),
    (r"^an array \[low, high\]$", "数组 [下限, 上限]"),
    (r"^a finite number, not nan or inf$", "有限的数字（不能是 nan 或 inf）"),
    (r"^this field to be present$", "应有此字段"),
    (r"^a \[(.+)\] table; see (.+)$", r"[\1] 表，参见 \2"),
    (r"^greater than or equal to (.+)$", r"大于或等于 \1"),
    (r"^less than or equal to (.+)$", r"小于或等于 \1"),
    (r"^greater than (.+)$", r"大于 \1"),
    (r"^end (\d+) must be after start (\d+)$", r"结束年 \1 须晚于起始年 \2"),
    (r"^target_year (\d+) lies outside the run (.+)$", r"目标年 \1 不在模拟年份 \2 之内"),
    (r"^is not a \.toml file$", "不是 .toml 文件"),
    (r"^the upload (.+) is no longer kept on this server$", r"服务器上已不再保存上传的 \1"),
    (r"^this upload is no longer kept on the server$", "服务器上已不再保存此上传文件"),
    (r"^the file uploaded again$", "重新上传该文件"),
    (r"^is not a usable file name$", "文件名不可用"),
    (r"^a name such as (.+)$", r"例如 \1 这样的文件名"),
    (r"^(\d+) files in one upload$", r"一次上传了 \1 个文件"),
    (r"^at most (\d+) files$", r"最多 \1 个文件"),
    (r"^parent (.+) not found$", r"找不到所继承的文件 \1"),
    (r"^an existing scenario file in the uploaded files or the scenario folder$",
     "与之一同上传或情景文件夹中的情景文件"),
    (r"^a scenario file ending in \.toml$", "以 .toml 结尾的情景文件"),
    (r"^file is (.+) bytes$", r"文件大小为 \1 字节"),
    (r"^a scenario of at most (.+) bytes$", r"不超过 \1 字节的情景文件"),
    (r"^a key or table is given twice(.*)$", r"键或表重复出现\1"),
    (r"^each key and table once$", "每个键和表只出现一次"),
    (r"^valid TOML$", "合法的 TOML 文本"),
    (r"^missing$", "缺失"),
    (r"^missing section \[(.+)\]$", r"缺少 [\1] 部分"),
    (r"^does not run: (.+)$", r"无法运行：\1"),
    (r"^values the model can run with$", "模型能够运行的数值"),
    (r"^runs to values that are not finite: (.+)$", r"运行结果出现非有限值：\1"),
    (r"^baseline values and parameters that fit together$", "相互一致的基期值和参数"),
    (r"^not UTF-8 text \(bad byte at offset (\d+)\)$", r"不是 UTF-8 文本（第 \1 字节有误）"),
    (r"^a TOML file saved as UTF-8$", "以 UTF-8 保存的 TOML 文件"),
    (r"^(.+) lies outside the run$", r"\1 不在模拟年份内"),
    (r"^unknown lever (.+)$", r"未知杠杆 \1"),
    (r"^unknown indicator (.+)$", r"未知指标 \1"),
    (r"^unknown key (.+)$", r"未知字段 \1"),
    (r"^does not act under the (.+) rule of this scenario; not applied$",
     r"在本情景的财政规则（\1）下不起作用，未采用"),
    (r"^has no range in this scenario, so it cannot be edited; not applied$",
     "本情景未给出该参数的区间，不能修改，未采用"),
    (r"^p\.<a parameter with a range>$", "p.<有区间的参数>"),
    (r"^allocation shares sum to (.+) %; the plan's shares are shown$",
     r"分配比例之和为 \1 %，已显示规划的分配比例"),
    (r"^shares summing to 100 %$", "之和为 100 % 的分配比例"),
    (r"^scenario, lang, a lever key or p\.<parameter key>$",
     "scenario、lang、杠杆代码或 p.<参数代码>"),
)


# tomllib's messages (Python 3.11-3.13), for "broken TOML: <message> (at line L, column C)".
TOML_ZH = {
    "Expected newline or end of document after a statement": "语句后应换行或结束",
    "Expected '=' after a key in a key/value pair": "键后应有 '='",
    "Expected ']' at the end of a table declaration": "表声明末尾应有 ']'",
    "Expected ']]' at the end of an array declaration": "数组表声明末尾应有 ']]'",
    "Invalid value": "无效的值",
    "Invalid statement": "无效的语句",
    "Invalid date or datetime": "无效的日期或时间",
    "Invalid hex value": "无效的十六进制值",
    "Invalid initial character for a key part": "键的首字符无效",
    "Unclosed array": "数组未闭合",
    "Unclosed inline table": "内联表未闭合",
    "Unterminated string": "字符串未结束",
    "Unescaped '\\' in a string": "字符串中有未转义的 '\\'",
    "Escaped character is not a Unicode scalar value": "转义字符不是有效的 Unicode 字符",
}
POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def _broken_toml(message: str) -> str:
    """tomllib's message in Chinese: the known ones translated, the position always."""
    position = POSITION.search(message)
    detail = POSITION.sub("", message).strip()
    where = f"（第 {position[1]} 行第 {position[2]} 列）" if position else ""
    return f"TOML 格式错误：{TOML_ZH.get(detail, '无法解析')}{where}"


def field_name(field: str, language: str) -> str:
    """A field as the planner knows it: the catalogue's Chinese name, with the key."""
    if language != "zh":
        return field or "(file)"
    if field in FIELD_WORDS_ZH:
        return FIELD_WORDS_ZH[field]
    section, _, key = field.rpartition(".")
    for catalogue in (LEVERS, PARAMETERS, INDICATORS):
        spec = catalogue.get(key)
        if spec is not None:
            where = SECTION_WORDS_ZH.get(section, "")
            return f"{where}·{spec.zh}" if where else spec.zh
    return field


def phrase(text: str, language: str) -> str:
    """A problem or an expectation in ``language`` (as written when no rule knows it)."""
    if language != "zh" or not text:
        return text
    if text.startswith("broken TOML: "):
        return _broken_toml(text.removeprefix("broken TOML: "))
    for pattern, chinese in PHRASES_ZH:
        if re.match(pattern, text):
            return re.sub(pattern, chinese, text, count=1)
    return text


def error_line(error: ScenarioError | str, language: str) -> str:
    """The one-line error in ``language``: ``文件：字段：问题（应为：…）`` on the Chinese page."""
    if isinstance(error, str) or language != "zh":
        return error if isinstance(error, str) else error.line()
    path = URL_ZH if error.path == "URL" else error.path
    text = f"{path}：{field_name(error.field, language)}：{phrase(error.problem, language)}"
    return f"{text}（应为：{phrase(error.expected, language)}）" if error.expected else text


def builtin_text_css(language: str) -> str:
    """A style sheet that puts Streamlit's own English in the page's language.

    Streamlit (1.67) has no setting for these: the uploader's "Upload" button and its
    "2MB per file" line (our label already says what to upload and how large), and the
    keyboard users' "Skip to main content" link. The uploader's note is hidden, the button
    and the link show our words (drawn by CSS, the English text itself hidden). The page's
    own HTML table (the verdicts, :mod:`app.tables`) takes its look from here too.
    """
    upload, skip = t("upload_button", language), t("skip_to_content", language)
    return (
        "<style>"
        "[data-testid='stFileUploaderDropzoneInstructions']{display:none}"
        "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p"
        "{display:none}"
        "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer']"
        f"::after{{content:'{upload}'}}"
        "[data-testid='stSkipToContent']{font-size:0}"
        f"[data-testid='stSkipToContent']::after{{content:'{skip}';font-size:1rem}}"
        f"{TABLE_CSS}</style>")
