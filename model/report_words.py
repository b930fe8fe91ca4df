"""The report's words in Chinese (default) and English (:mod:`model.report`).

The app's screen labels live in ``app/i18n.py``; the report is written by the model package
(the command line has no app), so its words are here. Target kinds, verdicts and the
likelihood bands come from :mod:`model.targets`, as on the screen.
"""

from __future__ import annotations

# Units as the model declares them (Chinese) and in English (the app shows the same).
UNITS_EN = {
    "%": "%", "%/年": "%/yr", "1": "", "万人": "10k persons", "万元/人年": "10k yuan/FTE",
    "个": "", "人": "persons", "人/年": "persons/yr", "人年": "FTE", "人年/万人": "FTE per 10k",
    "人年/年": "FTE/yr", "亿元": "100M yuan", "件": "patents", "件/万人": "per 10k people",
    "件/年": "patents/yr", "家": "firms", "家/年": "firms/yr", "年": "years", "项": "items",
    "项/亿元": "items per 100M yuan", "百分点": "pp", "亿元/年": "100M yuan/yr",
    "百分点/年": "pp/yr", "亿元/件/年": "100M yuan per patent/yr", "个/年": "per yr",
    "项/年": "items/yr", "万元/人": "10k yuan/person", "万元/家": "10k yuan each",
}


def unit_word(unit: str, language: str) -> str:
    """A model unit in ``language``: Chinese as declared ("1" shows as nothing), English
    translated."""
    if language == "zh":
        return "" if unit == "1" else unit
    return UNITS_EN.get(unit, unit)


WORDS: dict[str, dict[str, str]] = {
    "title": {"zh": "{region}科技创新规划目标达成情况模拟评估报告",
              "en": "{region}: simulated assessment of the innovation plan's targets"},
    "subtitle": {"zh": "{plan}（{start}–{end}年，目标年 {target_year}）",
                 "en": "{plan} ({start}-{end}, target year {target_year})"},
    "made_by": {"zh": "由 innosim {version} 于 {date} 生成 · {runs} 次模拟 · 随机种子 {seed}",
                "en": "Made by innosim {version} on {date} · {runs} runs · seed {seed}"},
    "summary_heading": {"zh": "要点", "en": "Summary"},
    "summary": {
        "zh": "{total} 项可模拟目标中，{likely} 项很可能达成，{at_risk} 项有风险，"
              "{unlikely} 项很可能未达成；另有 {untracked} 项目标模型未覆盖。",
        "en": "Of {total} targets the model judges, {likely} are likely reached, {at_risk} at "
              "risk and {unlikely} unlikely; {untracked} more are not modelled."},
    # 1. plan and scenario
    "plan_heading": {"zh": "一、规划与情景", "en": "1. The plan and the scenario"},
    "plan_text": {
        "zh": "规划：{plan}（{document}）。情景文件：{file}{extends}；起始年 {start}，模拟至 "
              "{end} 年。财政科技支出按{rule}确定。下表为本报告所用的政策杠杆取值。",
        "en": "Plan: {plan} ({document}). Scenario file: {file}{extends}; start year {start}, "
              "simulated to {end}. Fiscal S&T spending follows its {rule}. The table gives "
              "the lever values this report uses."},
    "extends": {"zh": "（继承自 {parents}）", "en": " (extends {parents})"},
    "rule_growth": {"zh": "年增速", "en": "annual growth"},
    "rule_share": {"zh": "占一般公共预算支出的比重", "en": "share of the budget"},
    "lever": {"zh": "政策杠杆", "en": "Lever"},
    "plan_value": {"zh": "规划值", "en": "Plan"},
    "used_value": {"zh": "本报告取值", "en": "This report"},
    "unit": {"zh": "单位", "en": "Unit"},
    "source": {"zh": "来源", "en": "Source"},
    "assumption": {"zh": "假设", "en": "assumption"},
    "edited": {"zh": "已在应用中修改", "en": "edited in the app"},
    # 2. verdicts
    "verdict_heading": {"zh": "二、目标达成判断", "en": "2. Verdicts on the targets"},
    "verdict_intro": {
        "zh": "每项目标的判断为达成概率所在的区间：{bands}。达成概率为 {runs} 次模拟"
              "（随机种子 {seed}）中达成目标的比例，模拟值为其中位数。",
        "en": "Each verdict is the band its probability falls in: {bands}. The probability is "
              "the share of {runs} runs (seed {seed}) that reach the target; Simulated is "
              "their median."},
    "number": {"zh": "序号", "en": "#"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "quote": {"zh": "规划原文", "en": "The plan's words"},
    "target": {"zh": "判断口径", "en": "Target as judged"},
    "simulated": {"zh": "模拟中位数", "en": "Simulated"},
    "probability": {"zh": "达成概率", "en": "Probability"},
    "verdict": {"zh": "判断", "en": "Verdict"},
    "untracked_heading": {"zh": "模型未覆盖的目标", "en": "Targets the model does not cover"},
    "reason": {"zh": "原因", "en": "Reason"},
    # 3. charts
    "chart_heading": {"zh": "三、指标走势", "en": "3. Trajectories"},
    "chart_intro": {
        "zh": "实线为中心情景（不确定数字取中值），点线为 {runs} 次模拟的中位数，阴影为 5–95% "
              "区间，红星为规划目标。",
        "en": "Solid: the central run (uncertain numbers at their central values); dotted: "
              "the median of {runs} runs; shaded: their 5-95 % band; red star: the target."},
    "band": {"zh": "5–95% 区间", "en": "5-95 % band"},
    "median": {"zh": "中位数", "en": "median"},
    "central": {"zh": "中心情景", "en": "central run"},
    "target_marker": {"zh": "规划目标", "en": "target"},
    "observed": {"zh": "历史实际值", "en": "observed"},
    "assumed": {"zh": "假设值（非观测）", "en": "assumed (not observed)"},
    # 4. what it would take
    "takes_heading": {"zh": "四、未达成目标需要什么条件",
                      "en": "4. What it would take to reach the missed targets"},
    "takes_intro": {
        "zh": "对模拟中位数未达成的每项目标，逐一调整单个政策杠杆（其他杠杆按规划），求使 "
              "{runs} 次模拟的中位数恰好达成目标的取值（即达成概率约 50%）。调整一项资金分配"
              "比例时，其他四项按原权重调整，总和保持 100%，因此降低某一比例也可能意味着提高"
              "另一比例。",
        "en": "For each target whose simulated median misses it, each lever is moved alone "
              "(the others as planned) to the value at which the median of {runs} runs just "
              "reaches the target (a probability of about 50 %). Moving one allocation share "
              "rescales the other four so that they still sum to 100 %: lowering one share "
              "may be what raises another."},
    "takes_none": {"zh": "模拟中位数下所有目标均已达成。",
                   "en": "The simulated median reaches every target."},
    "needed": {"zh": "所需取值", "en": "Needed"},
    "at_least": {"zh": "至少 {value}", "en": "at least {value}"},
    "at_most": {"zh": "至多 {value}", "en": "at most {value}"},
    "unreachable": {"zh": "以下杠杆在其范围内单独调整均无法达成：{levers}。",
                    "en": "Not reachable by moving one of these alone within its range: "
                          "{levers}."},
    "list_separator": {"zh": "、", "en": ", "},
    "no_single_lever": {"zh": "任何单一杠杆在其范围内都无法使该目标达成。",
                        "en": "No single lever reaches this target within its range."},
    # 5. priorities
    "priorities_heading": {"zh": "五、优先核实的数字", "en": "5. The numbers to collect first"},
    "priorities_intro": {
        "zh": "本情景的许多数字是假设。下表按各假设数字承载的目标判断不确定性排序"
              "（只改变假设数字的 Sobol 分析）：排在前面的数字最值得先向统计、财政、"
              "人社等部门核实。",
        "en": "Many of this scenario's numbers are assumptions. The table ranks them by the "
              "share of the verdicts' uncertainty they carry (a Sobol analysis varying the "
              "assumed numbers only): the first are the ones to check with the statistics, "
              "finance and personnel offices first."},
    "rank": {"zh": "排序", "en": "Rank"},
    "name": {"zh": "数字", "en": "Number"},
    "value": {"zh": "当前取值", "en": "Value"},
    "range": {"zh": "区间", "en": "Range"},
    "set_in": {"zh": "设定于", "en": "Set in"},
    "score": {"zh": "承载份额", "en": "Share"},
    "target_share": {"zh": "目标", "en": "Target"},
    "p_assumed": {"zh": "达成比例（仅假设变动）", "en": "Share reaching (assumptions vary)"},
    "carried": {"zh": "这{top}个数字承载的份额", "en": "Carried by the {top}"},
    "leading": {"zh": "该目标最主要的假设数字", "en": "This target's leading assumptions"},
    "model_default": {"zh": "模型默认值", "en": "model default"},
    "priorities_failed": {"zh": "无法排序：{reason}", "en": "No ranking: {reason}"},
    # 6. assumptions and sources
    "sources_heading": {"zh": "六、主要假设及其来源",
                        "en": "6. Main assumptions and their sources"},
    "sources_share": {
        "zh": "模拟所用的 {total} 个数字中有 {assumed} 个（{share:.0%}）为假设；情景文件中设定的 "
              "{in_file} 个数字中有 {in_file_assumed} 个为假设。下表先列出最重要的假设数字"
              "（按上节的排序），再列出情景文件中有来源的数字。",
        "en": "{assumed} of the {total} numbers the run uses ({share:.0%}) are assumptions; "
              "of the {in_file} numbers set in the scenario files, {in_file_assumed}. The "
              "tables list the main assumed numbers (ranked as above), then the sourced "
              "numbers of the scenario files."},
    "assumed_table": {"zh": "主要假设数字", "en": "Main assumed numbers"},
    "sourced_table": {"zh": "情景文件中有来源的数字",
                      "en": "Sourced numbers of the scenario files"},
    # 7. method
    "method_heading": {"zh": "七、方法说明", "en": "7. Method"},
    "method": {
        "zh": "innosim 是一个系统动力学模型：地区经济、财政科技支出、研发投入、人才、孵化、"
              "知识产权与技术市场、高新技术产业等部门以存量和流量相连，以起始年的数据校准，"
              "按年推演至目标年；各方程的数字均有出处或注明为假设及其区间。“达成概率”是多次"
              "模拟中达成目标的比例：每次模拟从每个不确定数字（有区间的基期值或参数）的区间中"
              "抽取取值，政策杠杆按规划取值。它的可信程度取决于这些区间：在全国 2015–2019 年的"
              "回测中，86–89% 的实际值落在模型 5–95% 区间内（期望约 90%），区间仍略窄，接近 0% "
              "或 100% 的概率不如字面上那样确定。模型结构本身的不确定性没有计入。"
              "本报告是情景推演，不是预测，结论应与部门掌握的情况一并研判。",
        "en": "innosim is a system-dynamics model: the region's economy, fiscal S&T spending, "
              "R&D, talent, incubation, patents and the technology market, and high-tech "
              "industry are stocks and flows, calibrated on the start year and run year by "
              "year to the target year; every number of its equations has a source or is an "
              "assumption with its range. A probability is the share of runs that reach the "
              "target, each run drawing every uncertain number (a baseline or parameter with "
              "a range) from its range, the levers as the plan sets them. It is as good as "
              "those ranges: in the national backtest (2015-2019) 86-89 % of the actual "
              "points fell inside the model's 5-95 % band, against about 90 % expected, so "
              "the bands are still a little narrow and a probability near 0 % or 100 % is "
              "less certain than it reads. Structure that is itself uncertain is not drawn. "
              "This report explores scenarios; it is not a forecast."},
    # 8. version
    "version_heading": {"zh": "八、模型版本与复现", "en": "8. Model version and reproduction"},
    "version_rows": {"zh": "模型版本|情景文件|文件校验（SHA-256）|达成概率|优先数字分析|生成日期|"
                           "复现命令",
                     "en": "Model version|Scenario file|File checksum (SHA-256)|Probabilities|"
                           "Numbers to collect first|Date|To reproduce"},
    "ensemble_basis": {"zh": "{runs} 次拉丁超立方抽样，随机种子 {seed}",
                       "en": "{runs} Latin-hypercube runs, seed {seed}"},
    "priorities_basis": {"zh": "Sobol N={n}，{runs:,} 次模拟，随机种子 {seed}",
                         "en": "Sobol N={n}, {runs:,} runs, seed {seed}"},
    "app_edits": {"zh": "（含应用中修改的杠杆或参数，命令行无法直接复现）",
                  "en": " (with levers or parameters edited in the app: not reproducible "
                        "from the command line as such)"},
    "page": {"zh": "第 {page} 页", "en": "page {page}"},
}


def word(key: str, language: str, **values: object) -> str:
    """The report's word ``key`` in ``language`` (``zh`` or ``en``), formatted."""
    text = WORDS[key].get(language) or WORDS[key]["en"]
    return text.format(**values) if values else text
