"""Labels of the planner's screen in Chinese (default) and English.

Indicator, lever and parameter names come from the model's Specs (``Spec.zh``/``Spec.en``);
target kinds and verdicts from :mod:`model.targets`; this module holds the rest: screen
labels and English unit names.
"""

from __future__ import annotations

from model.report_words import unit_word
from model.targets import KIND_WORDS, LIKELIHOOD_BANDS, VERDICT_WORDS, kind_word

LANGUAGES = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"

LABELS: dict[str, dict[str, str]] = {
    "title": {"zh": "科技创新规划情景模拟", "en": "Innovation plan scenario simulator"},
    "language": {"zh": "语言", "en": "Language"},
    "scenario": {"zh": "情景", "en": "Scenario"},
    "upload": {"zh": "上传情景文件 (.toml，不超过 1 MB)",
               "en": "Upload a scenario (.toml, at most 1 MB)"},
    "upload_help": {"zh": "点击或拖入情景文件；变体可与其所继承的文件一起上传",
                    "en": "Click or drop scenario files; a variant can come with its parent"},
    "upload_button": {"zh": "选择文件", "en": "Choose files"},
    "skip_to_content": {"zh": "跳到主要内容", "en": "Skip to main content"},
    "uploaded_as": {"zh": "上传#{number}：{file}", "en": "upload #{number}: {file}"},
    "variant": {"zh": "变体", "en": "variant"},
    "upload_loaded": {"zh": "已载入上传的情景", "en": "Uploaded scenario loaded"},
    "levers": {"zh": "政策杠杆", "en": "Policy levers"},
    "plan_value": {"zh": "规划值", "en": "plan"},
    "reset": {"zh": "恢复规划值", "en": "Reset to plan"},
    "parameters": {"zh": "不确定参数", "en": "Uncertain parameters"},
    "parameters_help": {
        "zh": "修改后的参数在不确定性区间计算中固定为所设值",
        "en": "An edited parameter is held at its value in the uncertainty band"},
    "share_rescaled": {
        "zh": "分配比例之和保持100%：其他比例已按原权重调整",
        "en": "Allocation shares still sum to 100 %: the other shares were rescaled"},
    "share_error": {"zh": "分配比例须在0–100%之间", "en": "An allocation share must be 0-100 %"},
    "verdicts": {"zh": "目标达成判断", "en": "Target verdicts"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "target": {"zh": "规划目标", "en": "Plan target"},
    "year": {"zh": "年份", "en": "Year"},
    "simulated": {"zh": "模拟值", "en": "Simulated"},
    "gap": {"zh": "差距", "en": "Gap"},
    "verdict": {"zh": "判断", "en": "Verdict"},
    "probability": {"zh": "达成概率", "en": "Probability"},
    "first_year": {"zh": "首次达成年份", "en": "First year reached"},
    "unit": {"zh": "单位", "en": "Unit"},
    **VERDICT_WORDS,   # reached, missed, not modelled, likely, at risk, unlikely (model/targets.py)
    "summary": {
        "zh": "{likely}/{total} 项目标很可能达成，{at_risk} 项有风险，{unlikely} 项很可能未达成"
              "（{runs} 次模拟，随机种子固定）",
        "en": "{likely} of {total} targets likely reached, {at_risk} at risk, {unlikely} "
              "unlikely ({runs} runs, fixed seed)"},
    "central_verdict": {"zh": "中心情景（参考）", "en": "Central run (reference)"},
    "likelihood_note": {
        # "＜" as on the page's targets: a plain "<" would be read as HTML in Markdown
        "zh": LIKELIHOOD_BANDS["zh"].replace("<", "＜") + "。"
              "达成概率为 {runs} 次模拟中达成目标的比例；模拟值为其中位数；"
              "中心情景（参数取中值的单次运行）仅供参考。"
              "“≈”目标的 ± 为判断所用的容差；“≳”（达到……左右）目标高于目标值即达成，"
              "低于目标值但在容差内也算达成。",
        "en": LIKELIHOOD_BANDS["en"].replace("<", "＜") + ". The probability is the share "
              "of {runs} runs that reach the target; Simulated is their median; the central "
              "run (uncertain inputs at their central values) is a reference only. The ± of "
              "an \"≈\" target is the tolerance it is judged with; a \"≳\" target (达到X左右, "
              "reaching roughly X) is reached above X, and below X within the tolerance."},
    "reason": {"zh": "原因", "en": "Reason"},
    "plan_wording": {"zh": "规划原文", "en": "Plan's wording"},
    "proxy": {"zh": "替代统计（代理指标）", "en": "Proxy: judged instead on"},
    "target_year_assumed": {"zh": "目标年份为推定：{note}",
                            "en": "Target year assumed: {note}"},
    "wording": {"zh": "规划原文", "en": "Plan's wording"},
    "indicator_key": {"zh": "指标代码", "en": "Key"},
    "central_run": {"zh": "中心情景", "en": "Central run"},
    "q05": {"zh": "5% 分位数", "en": "5th percentile"},
    "q50": {"zh": "中位数", "en": "Median"},
    "q95": {"zh": "95% 分位数", "en": "95th percentile"},
    "lever_key": {"zh": "杠杆代码", "en": "Key"},
    "lever_value": {"zh": "取值", "en": "Value"},
    "lever_plan": {"zh": "规划值", "en": "Plan"},
    "meta_field": {"zh": "项目", "en": "Field"},
    "meta_value": {"zh": "内容", "en": "Value"},
    "meta_file": {"zh": "情景文件", "en": "Scenario file"},
    "meta_sha256": {"zh": "文件哈希 (SHA-256)", "en": "File hash (SHA-256)"},
    "meta_region": {"zh": "地区", "en": "Region"},
    "meta_plan": {"zh": "规划", "en": "Plan"},
    "meta_years": {"zh": "模拟年份", "en": "Years simulated"},
    "meta_levers": {"zh": "改动的杠杆（规划值 → 取值）", "en": "Levers changed (plan → value)"},
    "meta_runs": {"zh": "模拟次数", "en": "Runs"},
    "meta_seed": {"zh": "随机种子", "en": "Random seed"},
    "meta_version": {"zh": "软件版本", "en": "Software version"},
    "meta_made": {"zh": "生成时间", "en": "Made"},
    "untracked": {"zh": "模型未覆盖的目标（{count} 项）",
                  "en": "Targets the model does not cover ({count})"},
    "larger_ensemble": {"zh": "更大样本的达成概率", "en": "Probabilities from a larger ensemble"},
    "ensemble_runs": {"zh": "模拟次数", "en": "Runs"},
    "run_ensemble": {"zh": "运行", "en": "Run"},
    "ensemble_progress": {"zh": "正在模拟 {runs:,} 次……", "en": "Simulating {runs:,} runs…"},
    "charts": {"zh": "指标走势", "en": "Trajectories"},
    "chart_indicators": {"zh": "显示的指标", "en": "Indicators shown"},
    "simulation": {"zh": "当前情景（中心值）", "en": "this scenario (central)"},
    "plan_run": {"zh": "规划原值", "en": "plan as written"},
    "band": {"zh": "5–95% 区间", "en": "5-95 % band"},
    "median": {"zh": "中位数", "en": "median"},
    "history": {"zh": "历史实际值", "en": "observed (history)"},
    "assumed": {"zh": "假设值（非观测）", "en": "assumed (not observed)"},
    "legend_kind": {"zh": "类型", "en": "Kind"},
    "target_marker": {"zh": "目标", "en": "target"},
    "download_png": {"zh": "下载图片 PNG", "en": "Download PNG"},
    "report_made": {"zh": "{date} 由 innosim 生成；判断基于 {runs} 次模拟（随机种子固定）",
                    "en": "made with innosim on {date}; verdicts from {runs} runs (fixed seed)"},
    "goalseek": {"zh": "需要怎样才能达成？", "en": "What would it take?"},
    "goal_target": {"zh": "目标", "en": "Target"},
    "goal_lever": {"zh": "杠杆", "en": "Lever"},
    "goal_run": {"zh": "计算", "en": "Compute"},
    "goal_probability": {"zh": "达成把握", "en": "With probability"},
    "goal_at_least": {
        "zh": "{lever} 至少需要 {value}（其他杠杆不变；{runs} 次模拟中至少 {probability} 达成）",
        "en": "{lever} needs at least {value} (other levers unchanged; reached in at least "
              "{probability} of {runs} runs)"},
    "goal_at_most": {
        "zh": "{lever} 最多为 {value}（其他杠杆不变；{runs} 次模拟中至少 {probability} 达成）",
        "en": "{lever} may be at most {value} (other levers unchanged; reached in at least "
              "{probability} of {runs} runs)"},
    "goal_always": {
        "zh": "在杠杆范围 {low}–{high} 内均可达成",
        "en": "Reached anywhere in the lever's range {low}-{high}"},
    "goal_never": {
        "zh": "在杠杆范围 {low}–{high} 内无法达成",
        "en": "Not reachable within the lever's range {low}-{high}"},
    "compare": {"zh": "情景对比", "en": "Compare scenarios"},
    "compare_pick": {"zh": "选择最多三个情景或变体",
                     "en": "Pick up to three scenarios or variants"},
    "compare_current": {"zh": "当前编辑", "en": "current edits"},
    "compare_too_many": {"zh": "最多比较三个", "en": "At most three can be compared"},
    "save": {"zh": "保存与分享", "en": "Save and share"},
    "download_toml": {"zh": "下载变体情景 TOML", "en": "Download variant scenario TOML"},
    "download_csv": {"zh": "下载结果 CSV", "en": "Download results CSV"},
    "download_verdicts_csv": {"zh": "下载目标判断 CSV", "en": "Download verdicts CSV"},
    "download_xlsx": {"zh": "下载结果 Excel", "en": "Download results Excel"},
    "share_link": {
        "zh": "当前网址已包含杠杆取值，复制即可分享",
        "en": "The page address holds the lever values: copy it to share this view"},
    "no_changes": {"zh": "（与规划相同）", "en": "(same as the plan)"},
    "error_prefix": {"zh": "无法载入：", "en": "Cannot load: "},
    "structure": {"zh": "模型结构", "en": "Model structure"},
    "structure_intro": {
        "zh": "存量流量图与反馈回路，由各部门模块的声明自动生成：方框为存量，箭形为流量，"
              "椭圆为辅助变量，绿色为政策杠杆；彩色箭头标出反馈回路 R1–R3、B1–B5。",
        "en": "The stock-and-flow diagram and its feedback loops, drawn from the sectors' "
              "declarations: boxes are stocks, arrow shapes flows, ellipses auxiliaries, green "
              "notes policy levers; coloured arrows mark the loops R1-R3 and B1-B5."},
    "structure_doc": {"zh": "模型说明：每个存量、流量与辅助变量的方程、单位、来源和所属回路",
                      "en": "Documentation: every stock, flow and auxiliary with its equation, "
                            "unit, source and loops"},
    "structure_no_graphviz": {
        "zh": "服务器未安装 Graphviz：下图由浏览器排版（make run 会安装 Graphviz）",
        "en": "Graphviz is not installed on the server: the browser lays the diagram out "
              "(make run installs Graphviz)"},
    "download_svg": {"zh": "下载结构图 SVG", "en": "Download diagram SVG"},
    "download_md": {"zh": "下载模型说明 Markdown", "en": "Download documentation (Markdown)"},
    "review": {"zh": "中期评估", "en": "Where we stand"},
    "review_none": {
        "zh": "情景文件中没有 {start} 年之后、{year} 年之前的实际值（[[history]]）："
              "以下再预测即事前预测；"
              "“无实际值”表示尚未找到公开数据",
        "en": "The file has no actuals after {start} and before {year} ([[history]]): the "
              "re-forecast is the ex-ante run; \"no actual\" means none has been found published"},
    "review_restart": {
        "zh": "自 {year} 年实际值重新起算（{runs} 次模拟）；据实际值重估的存量：{imposed}",
        "en": "Restarted from the actuals of {year} ({runs} runs); stocks re-estimated from: "
              "{imposed}"},
    "review_plan_pace": {"zh": "规划所需年均进度", "en": "Plan pace"},
    "review_actual_path": {"zh": "实际值", "en": "Actual path"},
    "review_achieved": {"zh": "已实现进度", "en": "Pace achieved"},
    "review_required": {"zh": "剩余年份所需进度", "en": "Pace now required"},
    "review_status": {"zh": "进度判断", "en": "Status"},
    "review_forecast": {"zh": "再预测 中位数 [5–95 %]", "en": "Re-forecast median [5-95 %]"},
    "review_p_before": {"zh": "事前达成概率", "en": "P before"},
    "review_p_now": {"zh": "当前达成概率", "en": "P now"},
    "review_likelihood": {"zh": "当前判断", "en": "Likelihood now"},
    "review_no_actual": {"zh": "无实际值", "en": "no actual"},
    "review_pace_note": {
        "zh": "进度：总量按年均复合增速（%/年），比重类指标按每年百分点，累计目标按每年平均；"
              "进度判断比较最新实际值与规划路径"
              "（完成规划增量的 110 % 及以上为超前，不足 90 % 为滞后）",
        "en": "Pace: compound growth (%/yr) for amounts, points a year for indicators in %, an "
              "even share a year for sums; status compares the latest actual with the plan's "
              "path (ahead: 110 % of the planned change or more, behind: below 90 %)"},
    "review_takes": {"zh": "从现在起需要什么？", "en": "What would it take from here?"},
    "review_working": {"zh": "正在求解…", "en": "Solving…"},
    "review_takes_from": {"zh": "自 {year} 年起调整所选杠杆（其他杠杆按规划，中心情景）：",
                          "en": "Moving the chosen lever from {year} on (other levers as "
                                "planned, central run):"},
    "review_never": {"zh": "杠杆范围内无法达成", "en": "not reachable within the lever's range"},
    "review_always": {"zh": "杠杆范围内均可达成", "en": "reached across the lever's range"},
    "review_at_least": {"zh": "{lever}至少 {value}", "en": "{lever} at least {value}"},
    "review_at_most": {"zh": "{lever}至多 {value}", "en": "{lever} at most {value}"},
    "review_ex_post": {"zh": "事后评估（目标年 {year}）",
                       "en": "Ex-post review (target year {year})"},
    "review_withheld": {
        "zh": "{year} 年之后的实际值有意不录入，留作样本外检验",
        "en": "Actuals after {year} are withheld for out-of-sample judging"},
    "review_ex_ante": {"zh": "事前预测", "en": "Ex-ante forecast"},
    "review_restarted": {"zh": "重新起算预测", "en": "Restarted forecast"},
    "review_outcome": {"zh": "实际结果", "en": "Actual outcome"},
    "review_ex_ante_call": {"zh": "事前判断对错", "en": "Ex-ante call"},
    "review_restarted_call": {"zh": "重新起算判断对错", "en": "Restarted call"},
    "status_ahead": {"zh": "超前", "en": "ahead"},
    "status_on_track": {"zh": "按计划", "en": "on track"},
    "status_behind": {"zh": "滞后", "en": "behind"},
    "status_no_actual": {"zh": "无实际值", "en": "no actual"},
    "status_ended": {"zh": "已到期", "en": "ended"},
    "status_not_modelled": {"zh": "未建模", "en": "not modelled"},
    "call_right": {"zh": "正确", "en": "right"},
    "call_wrong": {"zh": "错误", "en": "wrong"},
    "call_no_call": {"zh": "未下结论（有风险）", "en": "no call (at risk)"},
    "call_no_outcome": {"zh": "无实际结果", "en": "no outcome"},
    # which number to collect first; the Word report (app/priorities_view.py)
    "priorities": {"zh": "先核实哪些数字？", "en": "Which numbers to collect first?"},
    "priorities_help": {
        "zh": "对只改变作为假设的数字（有区间的基期值和参数）做 Sobol 分析，按其承载的目标判断"
              "不确定性排序；有来源的数字固定。约需几秒钟。",
        "en": "A Sobol analysis varying only the assumed numbers (baselines and parameters "
              "with a range) ranks them by the share of the verdicts' uncertainty they carry; "
              "sourced numbers stay fixed. Takes a few seconds."},
    "priorities_n": {"zh": "Sobol 样本量", "en": "Sobol sample"},
    "priorities_run": {"zh": "计算优先数字", "en": "Rank the assumptions"},
    "priorities_running": {"zh": "正在进行 Sobol 分析……", "en": "Running the Sobol analysis…"},
    "prio_rank": {"zh": "排序", "en": "Rank"},
    "prio_name": {"zh": "数字", "en": "Number"},
    "prio_value": {"zh": "当前取值", "en": "Value"},
    "prio_range": {"zh": "区间", "en": "Range"},
    "prio_set_in": {"zh": "设定于", "en": "Set in"},
    "prio_score": {"zh": "承载份额", "en": "Share"},
    "prio_target": {"zh": "目标", "en": "Target"},
    "prio_p": {"zh": "达成比例（仅假设变动）", "en": "Share reaching (assumptions vary)"},
    "prio_carried": {"zh": "这{top}个数字承载的份额", "en": "Carried by the {top}"},
    "prio_leading": {"zh": "该目标最主要的假设数字", "en": "This target's leading assumptions"},
    "model_default": {"zh": "模型默认值", "en": "model default"},
    "download_report": {"zh": "下载报告 Word", "en": "Download report (Word)"},
    "report_help": {
        "zh": "含本页的杠杆与参数修改；达成概率按命令行 innosim report 的默认值计算"
              "（{runs} 次模拟，随机种子 {seed}），与命令行结果一致。生成约需十几秒。",
        "en": "With this page's lever and parameter edits; probabilities as innosim report "
              "computes them ({runs} runs, seed {seed}), the same as on the command line. "
              "Takes about fifteen seconds."},
    "data": {"zh": "数据", "en": "Data"},
    "data_title": {"zh": "数据", "en": "Data"},
    "data_intro": {
        "zh": "本情景的起始值、目标与历史值。每次修改都会立即校验；修改保存为一个变体"
              "（继承当前文件，只写入改动的内容）。也可下载 Excel 数据表，填好后上传。",
        "en": "This scenario's start values, targets and history. Every edit is checked at "
              "once; edits are saved as a variant (it extends the loaded file and holds only "
              "what changed). Or download the Excel data sheet, fill it in and upload it."},
    "data_sheet_download": {"zh": "下载 Excel 数据表", "en": "Download the Excel data sheet"},
    "data_sheet_upload": {"zh": "上传填好的数据表 (.xlsx，不超过 10 MB)",
                          "en": "Upload a filled-in data sheet (.xlsx, at most 10 MB)"},
    "data_baselines": {"zh": "起始值", "en": "Start values"},
    "data_targets": {"zh": "规划目标", "en": "Targets"},
    "data_history": {"zh": "历史实际值", "en": "History"},
    "data_row": {"zh": "{table} 第{row}行 {entry}", "en": "{table} row {row} {entry}"},
    "data_key": {"zh": "键", "en": "Key"},
    "data_value": {"zh": "数值", "en": "Value"},
    "data_source": {"zh": "来源", "en": "Source"},
    "data_assumed": {"zh": "假设", "en": "Assumed"},
    "data_low": {"zh": "范围下限", "en": "Low"},
    "data_high": {"zh": "范围上限", "en": "High"},
    "data_plausible": {"zh": "县区市合理范围", "en": "Plausible for a region"},
    "data_kind": {"zh": "类型", "en": "Kind"},
    "data_from_year": {"zh": "起始年", "en": "From year"},
    "data_quote": {"zh": "规划原文", "en": "The plan's words"},
    "data_tracked": {"zh": "模型计算", "en": "Modelled"},
    "data_tolerance": {"zh": "容差", "en": "Tolerance"},
    "data_seed": {"zh": "规划文件", "en": "Plan document"},
    "data_note": {"zh": "备注", "en": "Note"},
    "data_unchanged": {"zh": "（尚未修改）", "en": "(nothing edited yet)"},
    "data_valid": {"zh": "修改后的情景校验通过", "en": "The edited scenario is valid"},
    "data_download_variant": {"zh": "下载变体情景 TOML", "en": "Download the variant TOML"},
    "data_use_variant": {"zh": "在本页使用此变体", "en": "Use this variant on this page"},
    "implausible": {
        "zh": "{name} {value} {unit}：单位应为 {unit}，县、区、市的{name}通常为 {span} {unit}",
        "en": "{name} {value} {unit}: {unit} expected, a county's, district's or city's "
              "{name} is {span} {unit}"},
    "implausible_slip": {"zh": "（是否按 {written} 填写？换算为 {value} {unit}）",
                         "en": " (written in {written}? that is {value} {unit})"},
    "implausible_ratio": {
        "zh": "{name} {value} {unit}（{formula}）超出县、区、市通常的 {span} {unit}："
              "其中某个数字的单位可能有误",
        "en": "{name} {value} {unit} ({formula}) is outside {span} {unit}, what Chinese "
              "regions have: one of these numbers is likely in another unit"},
}

KINDS = KIND_WORDS  # target kinds in both languages (model/targets.py)

# English unit names: model/report_words.py (UNITS_EN), shared with the report.


def t(key: str, language: str, **values: object) -> str:
    """The label ``key`` in ``language`` (``zh`` or ``en``), formatted with ``values``."""
    text = LABELS[key].get(language) or LABELS[key]["en"]
    return text.format(**values) if values else text


def kind(target_kind: str, language: str) -> str:
    """A target kind (level, cumulative, ...) in ``language``."""
    return kind_word(target_kind, language)


def verdict_label(verdict: str | None, language: str) -> str:
    """A verdict or likelihood in ``language``; "–" when there is none."""
    return "–" if verdict is None else VERDICT_WORDS.get(verdict, {}).get(language, verdict)


def unit(model_unit: str, language: str) -> str:
    """A model unit as shown in ``language``: Chinese as declared, English translated."""
    return unit_word(model_unit, language)
