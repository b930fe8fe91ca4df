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
    "the compiled text is garbled here (高新技术 … 达到8个): what is counted (products? projects?) "
    "cannot be established":
        "规划原文此处文字残缺（高新技术……达到8个），无法确定统计对象（产品还是项目）",
    "the model has high-tech value added, not the gross output of high-tech products; the plan's "
    "value-added share (30 %) is judged instead":
        "模型中有高新技术产业增加值，没有高新技术产品总值；改为评判规划中的增加值占比（30%）",
    "the model has high-tech value added, not gross output; the plan's value-added share of "
    "industry (30 %), in the same sentence, is judged instead":
        "模型中有高新技术产业增加值，没有总产值；改为评判规划同一句中的增加值占工业比重（30%）",
    "a target compares one of the model's declared indicators, and high-tech value added as a "
    "share of GDP is not one of them (its two parts are): the high-tech share of industry (30 %) "
    "is judged instead":
        "目标只能对照模型已声明的指标，高新技术产业增加值占GDP比重不在其中（构成它的两项在其中）；"
        "改为评判高新技术产业占工业比重（30%）",
    "appointing advisers to the county government is an administrative action, not a quantity the "
    "model has":
        "聘请县政府科技顾问是行政措施，不是模型中的量",
    "agriculture (a tea demonstration base, 万亩) is outside the model":
        "农业（茶叶示范基地，万亩）不在模型范围内",
    "a county list of key firms with close university ties: the model has no such register":
        "县级产学研结合紧密的重点企业名单：模型中没有这类名录",
    "county demonstration bases (科技创新和成果转化的基地) are designations, not a quantity the "
    "model has":
        "县域示范基地（科技创新和成果转化的基地）是认定称号，不是模型中的量",
    "吸纳 counts the contracts the zone's firms buy; the model's technology-contract turnover is "
    "registered by sellers (输出), and no statistic links the two: judging one on the other would "
    "be a different target":
        "吸纳计的是区内企业购买的技术合同；模型中的技术合同成交额按卖方（输出）登记，两者没有统计上"
        "的对应关系：以一个评判另一个就成了另一个目标",
    "above-scale firms with sales over 1 亿元 and no R&D activity: the model has firms' R&D "
    "spending in aggregate, not firms counted by size and R&D activity":
        "年销售收入1亿元以上且无研发活动的规上企业：模型中只有企业研发经费总量，没有按规模和研发活"
        "动统计的企业数",
    "the make-up of an advisory committee is an administrative rule, not a quantity the model has":
        "咨询委员会的人员构成是行政规定，不是模型中的量",
    "new tech-SME registrations a year are an assumed constant of the model (no lever moves them): "
    "a verdict would only restate that assumption":
        "每年新增科技型中小企业数是模型的假定常数（没有杠杆能改变它）：评判只会复述这一假定",
    "an industry alliance is an agreement among firms, not a quantity the model has":
        "产业联盟是企业之间的协议，不是模型中的量",
    "agriculture (improved seed varieties) is outside the model, which covers R&D, firms, patents "
    "and the technology market":
        "农业（良种）不在模型范围内，模型涵盖研发、企业、专利和技术市场",
    "agriculture (mechanisation of farming) is outside the model":
        "农业（农业机械化）不在模型范围内",
    "the reserve list of candidate high-tech firms is a register the model does not keep: its tech "
    "SMEs are the pool, not the list":
        "后备高新技术企业库是模型不维护的名录：模型中的科技型中小企业是培育来源，不是入库名单",
    "the model's technology market has turnover, not a count of the agencies serving it":
        "模型中的技术市场只有成交额，没有为其服务的机构数量",
    "a provincial designation of the city's counties: the model simulates the city as one region":
        "这是对市内各县的省级认定：模型将全市作为一个整体模拟",
    "all patents granted (invention, utility model, design): the model has invention patents only, "
    "and utility models and designs are most of a county's grants":
        "全部专利授权（发明、实用新型、外观设计）：模型只有发明专利，而县域授权量大部分是实用新型和"
        "外观设计",
    "the education of the workforce is outside the model, which counts R&D staff and high-level "
    "recruits":
        "就业人员受教育程度不在模型范围内，模型计算研发人员和高层次人才引进数",
    "national new-product designations: the model has the new-product output rate, not a count of "
    "products":
        "国家级新产品认定：模型中有新产品产值率，没有产品数量",
    "a count of new products developed: the model has the new-product output rate, not a count":
        "开发的新产品数量：模型中有新产品产值率，没有产品数量",
    "an environmental target (industrial waste treatment) outside the model":
        "环境指标（工业“三废”治理），不在模型范围内",
    "an energy target (energy per 万元 of GDP) outside the model":
        "能耗指标（万元GDP能耗），不在模型范围内",
    "an environmental target (urban sewage treatment) outside the model":
        "环境指标（城镇污水处理），不在模型范围内",
    "a rural water-supply target outside the model": "农村供水指标，不在模型范围内",
    "patented products of the equipment industry are a count of products, not of patents granted; "
    "30-50: judged at the lower end":
        "装备产业的专利产品是产品数量，不是专利授权量；30-50件按下限评判",
    "industry-leading new technologies and products are not a quantity the model has":
        "引领行业发展的新技术、新产品不是模型中的量",
    "Kecheng gives no start count of academician workstations, so the model sets up new ones from "
    "an assumed share of the talent money and grant (2 % and 50 万元 each): about 13 teams by "
    "2027, not credible enough to judge a target of 1":
        "柯城未给出院士工作站的起始数，模型按人才资金的假定占比（2%）和每站补助（50万元）新建工作站"
        "：到2027年约13个团队，可信度不足以评判1个的目标",
    "a rank among Quzhou's districts and counties: the model simulates Kecheng alone, not the "
    "others it is ranked against":
        "这是在衢州各县（市、区）中的排名：模型只模拟柯城，不模拟参与排名的其他县（市、区）",
    "the share of manufacturing among funded projects: the model does not classify projects by "
    "industry":
        "立项项目中制造业项目的占比：模型不按行业划分项目",
    "首台(套) is a provincial product designation; the model has no count of designated products":
        "首台(套)是省级产品认定，模型中没有认定产品数量",
    "a showcase case is an administrative deliverable, not a quantity the model has":
        "典型案例是行政工作成果，不是模型中的量",
    "the model has no count of doctoral innovation stations (博士创新站)":
        "模型中没有博士创新站数量",
    "'R&D backbone staff' placed through the doctoral stations is not a statistic; the model's R&D "
    "personnel (人年) count all R&D staff":
        "经博士创新站集聚的“创新研发骨干”不是统计指标；模型中的R&D人员（人年）计全部研发人员",
    "an input lever of the model (hightech_investment_growth = 18 in [levers]), not an outcome it "
    "could miss: a verdict would restate the input":
        "高新技术产业投资增速是模型的输入杠杆（情景文件中设为18%），不是可能未达成的结果：评判只会"
        "复述输入",
    "an input lever of the model (fiscal_st_growth = 15 in [levers]), not an outcome it could "
    "miss: a verdict would restate the input":
        "财政科技投入增速是模型的输入杠杆（情景文件中设为15%），不是可能未达成的结果：评判只会复述"
        "输入",
    "the plan counts national-level talents and teams (academicians, 杰青, national leading "
    "talents, key-field teams); the model's high_end_talents (provincial-and-above leading talents "
    "paid per head) and academician_teams would count far more than these titles":
        "规划计的是国家级人才和团队（院士、杰青、国家级领军人才、重点领域团队）；模型中的高端人才（"
        "按人头资助的省级及以上领军人才）和院士团队所计数量会远多于这些称号",
    "科技进步贡献率 is a growth-accounting residual (TFP growth / GDP growth, Solow): it needs the "
    "city's physical capital stock, investment and factor shares, which the model does not have "
    "(GDP grows at given rates), so any figure it printed would be made up":
        "科技进步贡献率是增长核算的余值（全要素生产率增速/GDP增速，索洛模型）：需要全市物质资本存量"
        "、投资和要素份额，而模型中没有这些（GDP按给定增速增长），所以它给出的任何数字都是编造的",
    "the model does not split high-tech enterprises by ownership": "模型不按所有制区分高新技术企业",
    "R&D centres of foreign-owned firms: the model does not split firms by ownership":
        "外资企业研发中心：模型不按所有制区分企业",
    "agriculture (designated farming towns) is outside the model":
        "农业（特色农业强镇）不在模型范围内",
    "agriculture (demonstration parks) is outside the model": "农业（示范园）不在模型范围内",
    "rural development (industry belts) is outside the model": "乡村发展（产业带）不在模型范围内",
    "the plan counts 20 national-level platforms of eight kinds (state key laboratories, "
    "nationally recognised enterprise technology centres, national-local engineering research "
    "centres, national demonstration zones, national incubators, maker spaces and 星创天地, "
    "international cooperation bases): the model holds national titles for four of the kinds "
    "only, and the file has no start count of any, so the count would be mostly what the model "
    "lacks":
        "规划计的是八类国家级平台（国家重点实验室、国家认定企业技术中心、国家地方联合工程研究中心、国家级"
        "示范区、国家级孵化器、众创空间和星创天地、国际科技合作基地）共20个：模型只有其中四类的国家级称号，"
        "情景文件也没有任何一类的起始数，所计数量大半会是模型所缺的部分",
    "projects of Hebei's provincial transformation programme (重大科技成果转化专项) placed in the "
    "city: the model's funded projects are paid per project from the city's own R&D subsidies, "
    "and no statistic ties the province's selection of 50 to the city's money":
        "这是河北省重大科技成果转化专项在本市实施的项目：模型中的立项项目按项目由本市研发补助资金支付，"
        "没有统计能把省里遴选的50项与本市资金联系起来",
    "engineering research centres and laboratories (工程研究中心, 工程实验室) are the "
    "development-and-reform commissions' titles, funded from their budgets, not from the S&T "
    "platform money that moves the model's ladders: no lever of the model would move them":
        "工程研究中心、工程实验室是发展改革部门认定的称号，由其预算支持，而不是推动模型中平台梯次的科技"
        "平台资金：模型中没有能改变它们的杠杆",
    "international S&T cooperation bases are accredited for cooperation abroad (joint projects, "
    "foreign partners), of which the model has no part, and the file has no start count: a "
    "ladder for them would only restate an assumed trend":
        "国际科技合作基地按对外合作（合作项目、境外伙伴）认定，模型中没有这一部分，情景文件也没有起始数："
        "为其建立梯次只会复述一个假定的趋势",
    "the county selects and trains these from its own staff (选拔培养, a 后备队伍 list): a "
    "nomination the county makes, not recruits the talent money pays for per head, which is "
    "what the model's talent tiers count":
        "这是县里从本地人员中选拔培养（后备队伍名单）：是县里的推荐认定，而不是人才资金按人头引进的人才，"
        "后者才是模型中人才层级所计的",
    "科技进步贡献率 is a growth-accounting residual (TFP growth / GDP growth, Solow): it needs the "
    "county's physical capital stock, investment and factor shares, which the model does not have "
    "(GDP grows at given rates), so any figure it printed would be made up":
        "科技进步贡献率是增长核算的余值（全要素生产率增速/GDP增速，索洛模型）：需要全县物质资本存量"
        "、投资和要素份额，而模型中没有这些（GDP按给定增速增长），所以它给出的任何数字都是编造的",
    "firms with sales of 5 亿元 or more without an R&D institution: the model has the share of all "
    "above-scale manufacturers with one, not firms counted by size, and no share of all firms says "
    "whether the largest have all set one up":
        "年销售收入5亿元以上且无研发机构的企业：模型中只有全部规上制造业企业设立研发机构的比例，没有按规模"
        "统计的企业数，而全部企业的比例说明不了最大的企业是否都已设立",
}
UNKNOWN_REASON_ZH = "模型未覆盖此指标；情景文件所述原因：{reason}"


def reason_text(target: Target, language: str) -> str:
    """The reason ``target`` is not modelled, in ``language`` ("" for a modelled target)."""
    reason = target.reason or ""
    if language != "zh" or not reason:
        return reason
    return target.reason_zh or REASONS_ZH.get(reason) or UNKNOWN_REASON_ZH.format(
        reason=reason)
