"""Labels of the planner's screen in Chinese (default) and English.

Indicator, lever and parameter names come from the model's Specs (``Spec.zh``/``Spec.en``);
target kinds and verdicts from :mod:`model.targets`; this module holds the rest: screen
labels and English unit names.
"""

from __future__ import annotations

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
              "“≈”目标的 ± 为判断所用的容差。",
        "en": LIKELIHOOD_BANDS["en"].replace("<", "＜") + ". The probability is the share "
              "of {runs} runs that reach the target; Simulated is their median; the central "
              "run (uncertain inputs at their central values) is a reference only. The ± of "
              "an \"≈\" target is the tolerance it is judged with."},
    "reason": {"zh": "原因", "en": "Reason"},
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
}

KINDS = KIND_WORDS  # target kinds in both languages (model/targets.py)

UNITS_EN = {
    "%": "%", "%/年": "%/yr", "1": "", "万人": "10k persons", "万元/人年": "10k yuan/FTE",
    "个": "", "人": "persons", "人/年": "persons/yr", "人年": "FTE", "人年/万人": "FTE per 10k",
    "人年/年": "FTE/yr", "亿元": "100M yuan", "件": "patents", "件/万人": "per 10k people",
    "件/年": "patents/yr", "家": "firms", "家/年": "firms/yr", "年": "years", "项": "items",
    "项/亿元": "items per 100M yuan", "百分点": "pp", "亿元/年": "100M yuan/yr",
}


def t(key: str, language: str, **values: object) -> str:
    """The label ``key`` in ``language`` (``zh`` or ``en``), formatted with ``values``."""
    text = LABELS[key].get(language) or LABELS[key]["en"]
    return text.format(**values) if values else text


def kind(target_kind: str, language: str) -> str:
    """A target kind (level, cumulative, ...) in ``language``."""
    return kind_word(target_kind, language)


def unit(model_unit: str, language: str) -> str:
    """A model unit as shown in ``language``: Chinese as declared, English translated."""
    if language == "zh":
        return "" if model_unit == "1" else model_unit
    return UNITS_EN.get(model_unit, model_unit)
