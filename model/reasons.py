"""Why a target is not modelled, in the planner's language.

A scenario file states the reason in English (``reason``) and may give its Chinese
(``reason_zh``). The reasons the shipped plans use are translated here, so a Chinese page never
shows an English sentence; a reason this table does not know, in a file without
``reason_zh``, is shown in a Chinese sentence quoting the file's own words.
"""

from __future__ import annotations

from .scenario import Target

REASONS_ZH: dict[str, str] = {
    "the model has no count of research institutes": "模型中没有科研院所数量",
    "the model has no count of funded projects": "模型中没有立项项目数量",
    "the model has no count of firms with R&D institutions": "模型中没有设立研发机构的企业数量",
    "the model has no enterprise titles beyond high-tech enterprises and tech SMEs":
        "模型中除高新技术企业和科技型中小企业外没有其他企业称号",
    "the model has no count of innovation platforms": "模型中没有创新平台数量",
    "the model has no count of enterprise technology centres": "模型中没有企业技术中心数量",
    "the model has no count of breakthroughs in key technologies": "模型中没有关键技术突破数量",
    "the model has no count of academician workstations": "模型中没有院士工作站数量",
    "the model has no count of R&D centres": "模型中没有研发中心数量",
    "the model counts incubator seats, not maker spaces": "模型计算孵化器工位数，不计众创空间",
    "the model counts incubator seats, not accredited platforms":
        "模型计算孵化器工位数，不计认定平台",
    "the model has no talent-programme titles": "模型中没有人才计划称号",
    "the model has no skilled-worker training": "模型中没有技能人才培训",
    "the model has no growth accounting for the contribution of S&T progress":
        "模型未做科技进步贡献率的增长核算",
    "the model has no financing sector": "模型中没有科技金融部门",
    "the model has no count of skills studios": "模型中没有技能大师工作室数量",
    "the model has no count of service platforms": "模型中没有服务平台数量",
    "the model has no count of laboratories": "模型中没有实验室数量",
    "the model has no count of innovation centres": "模型中没有创新中心数量",
    "the model has no count of R&D institutions": "模型中没有研发机构数量",
    "the model does not count patent licences": "模型不计专利许可数量",
    "the model counts recruits, not talent projects": "模型计算引进人才数，不计人才项目",
    "the model counts incubator seats, not 星创天地": "模型计算孵化器工位数，不计星创天地",
    "the model counts incubator seats, not incubators, maker spaces or 星创天地":
        "模型计算孵化器工位数，不计孵化器、众创空间或星创天地的个数",
    "the model counts incubator seats, not incubators": "模型计算孵化器工位数，不计孵化器个数",
    "the model counts high-level recruits, not talent teams":
        "模型计算高层次人才引进数，不计人才团队",
    "the model counts high-level recruits per year, not provincial talent-programme titles":
        "模型计算每年高层次人才引进数，不计省级人才计划称号",
    "the model counts achievements transformed, not funded transformation projects":
        "模型计算成果转化数，不计立项的转化项目",
    "the model counts R&D staff and high-level recruits, not all graduates":
        "模型计算研发人员和高层次人才，不计全部毕业生",
    "staff assignments are not a quantity the model has": "人员派驻不是模型中的量",
    "staff assignments are an administrative action, not a quantity the model has":
        "人员派驻是行政措施，不是模型中的量",
    "high-tech investment growth is an input lever of the model (set to 16 % above), not an "
    "output it could miss":
        "高新技术产业投资增速是模型的输入杠杆（上文设为16%），不是可能未达成的输出",
}
UNKNOWN_REASON_ZH = "模型未覆盖此指标；情景文件所述原因：{reason}"


def reason_text(target: Target, language: str) -> str:
    """The reason ``target`` is not modelled, in ``language`` ("" for a modelled target)."""
    reason = target.reason or ""
    if language != "zh" or not reason:
        return reason
    return target.reason_zh or REASONS_ZH.get(reason) or UNKNOWN_REASON_ZH.format(
        reason=reason)
