"""The catalogue of quantities: every input a scenario may set, every indicator reported.

The scenario layer, the app and the command line read this catalogue; none of them imports the
engine or the sectors. Each sector's group lists the baselines (start-year values) it is
calibrated on, its levers (the planner's choices), its parameters (with sources or ranges) and
the indicators it reports. A spec's unit is the display unit; ``scale`` turns model values
(fractions) into display values (per cent). Every input has bounds where the equations hold;
a start value's upper bound is a plausibility limit above any Chinese region's (China's own
for sums such as GDP; 10 % for R&D intensity).
"""

from __future__ import annotations

from dataclasses import dataclass

from .quantities import PERCENT, Plausible, Spec, by_key

FIT = "fitted by innosim calibrate on China 2016-2019 (scenarios/china-2015.toml)"

# Where a start value is usually published (a county's or city's own documents).
BULLETIN = "统计公报 (国民经济和社会发展统计公报, statistical bulletin)"
ST_YEARBOOK = "科技统计年报 / R&D经费投入统计公报 (S&T statistics, R&D bulletin)"
FINAL_ACCOUNTS = "财政决算 (final budget accounts)"
IP_OFFICE = "知识产权局专利统计 (IP office statistics)"
TORCH = "火炬统计年报 (Torch incubation statistics)"
REGISTER = "科技局名单 (the S&T bureau's published lists)"
# The sizes that bound the plausible ranges (display units), from national statistics:
# the largest prefecture-level cities (Shenzhen, Suzhou: GDP 24,000-32,400 亿元 in 2022; Beijing
# and Shanghai as cities) and the smallest counties (GDP below 10 亿元 in Tibet and Qinghai).
SIZES = ("NBS county and city statistics (中国县域统计年鉴, city bulletins 2022): counties from "
         "under 10 亿元 GDP to Kunshan's 4,800; cities up to Shenzhen's 32,400 and Beijing's "
         "41,600")


@dataclass(frozen=True)
class SectorCatalogue:
    """The declared quantities of one sector."""

    name: str
    baselines: tuple[Spec, ...] = ()
    levers: tuple[Spec, ...] = ()
    parameters: tuple[Spec, ...] = ()
    indicators: tuple[Spec, ...] = ()


# --- economy -----------------------------------------------------------------------------------
_ECONOMY_BASELINES = (
    Spec("gdp", "地区生产总值", "GDP", "亿元", upper=2e6, published=BULLETIN,
         plausible=Plausible(5.0, 45000.0, SIZES)),
    Spec("population", "常住人口", "resident population", "万人", upper=2e5,
         published=f"{BULLETIN}; 人口普查公报 (census)",
         plausible=Plausible(1.0, 3500.0, "NBS: the smallest counties 1-2 万人; Chongqing "
                             "3,200 万 and Shanghai 2,500 万, the most populous cities")),
    Spec("industrial_va", "规上工业增加值", "above-scale industrial value added", "亿元",
         upper=1e6, published=BULLETIN,
         plausible=Plausible(0.2, 20000.0, f"{SIZES}; industry 5-60 % of GDP")),
    Spec("budget_expenditure", "一般公共预算支出", "general public budget expenditure", "亿元",
         upper=5e5, published=FINAL_ACCOUNTS,
         plausible=Plausible(2.0, 10000.0, "MOF local final accounts 2022: small counties "
                             "5-20 亿元, Shanghai 9,400 亿元")),
)

_ECONOMY_PARAMETERS = (
    Spec("nonindustrial_growth", "非规上工业GDP名义增速", "nominal growth of GDP outside "
         "above-scale industry", "%/年", PERCENT, 6.0, (3.0, 9.0), lower=-20.0, upper=50.0,
         doc="assumption: recent nominal growth of Zhejiang/Hebei counties 4-9 %"),
    Spec("other_industry_growth", "非高新规上工业增加值增速", "growth of above-scale industrial "
         "value added outside high-tech industry", "%/年", PERCENT, 3.0, (0.0, 6.0),
         lower=-30.0, upper=50.0, doc="assumption"),
    Spec("population_growth", "常住人口增速", "resident population growth", "%/年", PERCENT,
         0.3, (-0.5, 1.0), lower=-10.0, upper=10.0, doc="assumption"),
    Spec("employment_rate", "就业人员占常住人口比重", "employed persons per resident", "%",
         # lower: employed persons divide R&D personnel per 10k employed, so never zero
         PERCENT, 58.0, (50.0, 65.0), lower=1.0, upper=100.0,
         doc="assumption: employed/resident ratio of Chinese districts 50-65 %"),
    Spec("va_to_revenue", "规上工业增加值率", "value added per unit of industrial revenue", "%",
         PERCENT, 25.0, (20.0, 30.0), upper=100.0,
         doc="assumption: industrial value-added rate 20-30 % in Chinese statistics"),
)

_ECONOMY_INDICATORS = (
    Spec("gdp", "地区生产总值", "GDP", "亿元"),
    Spec("population", "常住人口", "resident population", "万人"),
    Spec("employed", "就业人员", "employed persons", "万人"),
    Spec("industrial_va", "规上工业增加值", "above-scale industrial value added", "亿元"),
    Spec("industrial_revenue", "规上工业营业收入", "above-scale industrial revenue", "亿元"),
    Spec("budget_expenditure", "一般公共预算支出", "general public budget expenditure", "亿元"),
)

ECONOMY = SectorCatalogue(
    "economy", baselines=_ECONOMY_BASELINES,
    parameters=_ECONOMY_PARAMETERS,
    indicators=_ECONOMY_INDICATORS,
)

# --- fiscal ------------------------------------------------------------------------------------
ALLOCATION_SHARES = (
    "share_rd_subsidies",
    "share_incubation",
    "share_talent",
    "share_tech_market",
    "share_public_research",
)
# The allocation shares split fiscal S&T spending: they sum to SHARE_TOTAL per cent, up to
# SHARE_TOLERANCE percentage points (rounding in a plan's or a planner's numbers).
SHARE_TOTAL = 100.0
SHARE_TOLERANCE = 0.01


def shares_sum_off(total: float) -> bool:
    """Whether allocation shares summing to ``total`` (per cent) do not make 100 %."""
    return abs(total - SHARE_TOTAL) > SHARE_TOLERANCE

_FISCAL_BASELINES = (
    Spec("fiscal_st_spending", "财政科技支出", "fiscal S&T expenditure", "亿元", upper=5e4,
         published=f"{FINAL_ACCOUNTS}: 科学技术支出",
         plausible=Plausible(0.01, 1500.0, "MOF/NBS S&T funding bulletins: local fiscal S&T "
                             "spending 1-10 % of the budget; Shenzhen and Shanghai about "
                             "500-600 亿元 (2022)")),
)

_FISCAL_LEVERS = (
    Spec("fiscal_st_growth", "财政科技投入年增长率", "fiscal S&T spending growth", "%/年",
         PERCENT, 10.0, (-10.0, 40.0), lower=-50.0, upper=50.0,
         doc="growth rule: annual growth of fiscal S&T spending (below the budget cap); "
             "more than 50 %/yr year after year is not plausible; "
             "default an assumption"),
    Spec("fiscal_st_budget_share", "财政科技支出占一般公共预算支出比重",
         "fiscal S&T share of budget expenditure", "%", PERCENT, 3.0, (0.5, 10.0),
         upper=20.0, doc="share rule: target share of the budget; default an assumption; "
         "above 20 % is not plausible (China's local average is about 4 %, the highest "
         "cities 10-15 %)"),
    Spec("share_rd_subsidies", "企业研发补助占比", "share: enterprise R&D subsidies", "%",
         PERCENT, 40.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_incubation", "孵化器与平台占比", "share: incubators and platforms", "%",
         PERCENT, 15.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_talent", "人才计划占比", "share: talent programmes", "%", PERCENT, 20.0,
         (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_tech_market", "技术市场支持占比", "share: technology-market support", "%",
         PERCENT, 5.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
    Spec("share_public_research", "公共研究占比", "share: public research", "%", PERCENT,
         20.0, (0.0, 100.0), upper=100.0,
         doc="assumption: a typical county allocation; each scenario sets its own"),
)

_FISCAL_PARAMETERS = (
    Spec("fiscal_st_max_budget_share", "财政科技支出占预算支出比重上限", "most of the budget "
         "fiscal S&T spending can take", "%", PERCENT, 20.0, (12.0, 30.0), lower=1.0,
         upper=50.0, doc="assumption: a budget constraint; the highest local shares in China "
         "(e.g. Shenzhen) are about 10-15 %, the national average about 4 %"),
)

_FISCAL_INDICATORS = (
    Spec("fiscal_st_spending", "财政科技支出", "fiscal S&T expenditure", "亿元"),
    Spec("fiscal_st_share", "地方财政科技支出占公共财政支出的比重",
         "fiscal S&T share of public budget expenditure", "%", PERCENT),
)

FISCAL = SectorCatalogue(
    "fiscal", baselines=_FISCAL_BASELINES,
    levers=_FISCAL_LEVERS,
    parameters=_FISCAL_PARAMETERS,
    indicators=_FISCAL_INDICATORS,
)

# --- rd ----------------------------------------------------------------------------------------
_RD_BASELINES = (
    Spec("rd_intensity", "全社会R&D经费投入占GDP比重", "R&D intensity (R&D / GDP)", "%",
         PERCENT, upper=10.0, published=ST_YEARBOOK,
         plausible=Plausible(0.05, 8.0, "model-science.md: China 2.06-2.65 % (2015-2023), "
                             "Guangxi 0.78 %, Zhejiang 3.11 %; Shenzhen 5.8 % (2022)")),
    Spec("rd_growth_before_start", "基期前R&D年均增速", "R&D growth before the start year",
         "%/年", PERCENT, lower=0.0, upper=100.0,
         doc="a statistic (R&D spending's growth over the years before the start); sets "
             "R&D capital K0 = R0/(g + delta) (Hall 2007) and the patent pipeline",
         fallback="the growth the model itself gives R&D in the start year (balanced growth: "
                  "R&D capital, the patent pipeline and certifications start on the trend "
                  "frozen policy continues)"),
    Spec("industrial_rd_ratio", "规上工业研发费用占营业收入比重", "above-scale industrial R&D / "
         "main revenue", "%", PERCENT, lower=0.0, upper=20.0, published=ST_YEARBOOK,
         doc="a statistic: above-scale industrial firms' R&D over their main revenue in the "
             "start year; sets the share of firms' R&D that industry performs",
         fallback="1 - services_share_of_firm_rd of firms' R&D (an assumption) over revenue "
                  "from va_to_revenue"),
)

_RD_LEVERS = (
    Spec("super_deduction_rate", "研发费用加计扣除比例", "R&D super-deduction rate", "%",
         PERCENT, 100.0, (50.0, 200.0), upper=200.0,
         source="财税〔2006〕88号 50 %; 2018 75 %; 2023年第7号公告 100 % for all firms"),
)

_RD_PARAMETERS = (
    Spec("rd_depreciation", "R&D资本折旧率", "R&D capital depreciation", "%/年", PERCENT, 15.0,
         (5.0, 30.0), source="Hall 2007 (IFS): 15 % usual, range 5-30 %", lower=1.0,
         upper=100.0),
    Spec("corporate_tax_rate", "企业所得税税率", "corporate income tax rate", "%", PERCENT,
         25.0, None, source="企业所得税法: 25 %", lower=10.0, upper=30.0,
         doc="bounded so that the user cost 1 - tax * (1 + deduction) stays positive up to a "
             "200 % deduction"),
    Spec("super_deduction_elasticity", "R&D对加计扣除激励的弹性",
         "elasticity of R&D to the super-deduction incentive (user cost)", "1", 1.0, 0.9,
         (0.5, 2.1), upper=10.0,
         source=f"{FIT}: 0.90 in aggregate (the 2018 step 50 -> 75 % shows no jump in national "
                "R&D); Qian, Zhan & Pan (China & World Economy): 1.6-2.1 for claiming firms"),
    Spec("rd_propensity_drift", "企业研发倾向漂移", "drift of firms' R&D per unit of output "
         "beyond the incentive's effect", "%/年", PERCENT, 0.0, (-3.0, 3.0), lower=-20.0,
         upper=20.0,
         doc="assumption, uncertain structure: do firms keep their R&D per unit of output (0) or "
             "does it drift? China's above-scale industrial R&D / revenue rose 0.90 -> 1.32 % "
             "in 2015-2019 (about 10 %/yr, partly composition and revenue); the range is "
             "centred on the fitted model's 0 and wide enough that the national backtest's "
             "first-year points fall inside the band"),
    Spec("rd_adjustment_time", "企业研发调整时间", "time for firms to adjust R&D", "年", 1.0,
         2.0, (1.0, 3.0), lower=0.25, upper=10.0, doc="assumption"),
    Spec("super_deduction_saturation", "加计扣除激励最大效应", "largest relative change of "
         "firms' R&D the super-deduction can cause", "%", PERCENT, 40.0, (20.0, 60.0),
         lower=1.0, upper=100.0,
         doc="assumption: the user-cost elasticity (1.6-2.1) is measured for steps of 25-50 "
             "points; larger changes saturate (Chen et al. 2021 find +18.8 % from the 15 % "
             "high-tech tax notch)"),
    Spec("services_share_of_firm_rd", "规上工业以外企业R&D占比", "share of firms' own R&D "
         "performed outside above-scale industry", "%", PERCENT, 17.0, (10.0, 35.0),
         upper=90.0, source="NBS 2019 R&D bulletin: above-scale industrial firms 13,971 of "
         "16,922 亿元 of business R&D (83 %); counties with more services: up to 35 %"),
    Spec("hightech_rd_intensity_ratio", "高新技术产业与其他工业R&D强度之比", "R&D per unit "
         "of value added in high-tech industry relative to the rest of above-scale industry",
         "1", 1.0, 2.0, (1.5, 2.5), lower=1.0, upper=10.0,
         source="NBS 2019 R&D bulletin: R&D / revenue 2.41 % in high-tech manufacturing, "
                "1.32 % in all above-scale industry, so about 1.1 % in the rest (ratio ~2)"),
    Spec("certification_rd_uplift", "认定高企的研发增量", "extra R&D of a newly certified "
         "high-tech enterprise, share of an average one's R&D", "%", PERCENT, 18.8,
         (10.0, 30.0), upper=100.0,
         source="Chen, Liu, Suárez Serrato & Xu 2021 (AER): R&D +18.8 % at the high-tech tax "
                "notch, firms bunching at the 3-5 % of sales thresholds"),
    Spec("subsidy_rd_leverage", "财政研发补助带动R&D系数", "R&D added per yuan of subsidy", "1",
         1.0, 1.0, (0.5, 1.25), upper=2.0,
         source="Dimos & Pugh 2016: no crowding out, little additionality (1 + 0.17-0.25); "
                "Boeing 2016: partial crowding out (0.5) for Chinese firms early on"),
    Spec("public_rd_fraction", "公共研究经费计入R&D比例", "share of public research spending "
         "counted as R&D", "%", PERCENT, 80.0, (60.0, 95.0), upper=100.0, doc="assumption"),
    Spec("public_rd_share_nonfiscal", "非财政公共R&D占比", "public R&D outside local fiscal "
         "S&T spending, share of total R&D at start", "%", PERCENT, 5.0, (0.0, 10.0),
         upper=100.0, doc="assumption: universities, institutes funded from above"),
)

_RD_INDICATORS = (
    Spec("rd_expenditure", "全社会R&D经费支出", "gross R&D expenditure", "亿元"),
    Spec("rd_intensity", "全社会R&D经费投入占GDP比重", "R&D intensity", "%", PERCENT),
    Spec("enterprise_rd", "企业R&D经费", "enterprise R&D expenditure", "亿元"),
    Spec("industrial_rd", "规上工业企业R&D经费", "above-scale industrial firms' R&D", "亿元"),
    Spec("industrial_rd_ratio", "规上工业研发费用占营业收入比重",
         "above-scale industrial R&D / revenue", "%", PERCENT),
    Spec("rd_capital", "R&D资本存量", "R&D capital stock", "亿元"),
)

RD = SectorCatalogue(
    "rd", baselines=_RD_BASELINES,
    levers=_RD_LEVERS,
    parameters=_RD_PARAMETERS,
    indicators=_RD_INDICATORS,
)

# --- talent ------------------------------------------------------------------------------------
_TALENT_BASELINES = (
    Spec("rd_personnel", "R&D人员", "R&D personnel (FTE)", "人年", upper=2e7,
         published=f"{ST_YEARBOOK}: R&D人员全时当量",
         plausible=Plausible(10.0, 600000.0, "China 4.8 million FTE (2019, "
                             "china-national.csv); Beijing and Shenzhen about 350,000")),
    Spec("high_level_recruits", "基期当年引进硕博士等高层次人才", "high-level talent recruited "
         "in the start year", "人/年", upper=5e6,
         published="人才工作统计 (组织部/人社局, talent office reports)",
         plausible=Plausible(0.0, 100000.0, "assumption: China graduates about 0.8 million "
                             "masters and PhDs a year (MOE 2022); a large city draws up to "
                             "a tenth")),
)

_TALENT_PARAMETERS = (
    Spec("rd_cost_growth", "人均R&D经费年增长率", "growth of R&D expenditure per FTE",
         "%/年", PERCENT, 5.2, (3.0, 8.0), lower=-20.0, upper=30.0,
         source="China 2015-2019 (shared/data/china-national.csv): 37.7 -> 46.1 万元 per FTE"),
    Spec("personnel_adjustment_time", "研发人员招聘调整时间", "time to close the R&D staff gap",
         "年", 1.0, 0.5, (0.25, 2.0), lower=0.25, upper=10.0,
         source=f"{FIT}: 0.5 (R&D staff followed R&D money within the year); the range "
                "reached 0.5 as an assumption and the fit stopped there, so it now reaches "
                "the domain's 0.25, and the fit inside it gives 0.49"),
    Spec("personnel_attrition", "研发人员流失率", "R&D personnel attrition", "%/年", PERCENT,
         8.0, (4.0, 15.0), upper=100.0, doc="assumption"),
    Spec("talent_supply_rate", "研发人员年净增上限", "most R&D staff the labour market "
         "adds a year beyond replacing leavers, share of staff", "%/年", PERCENT, 12.0,
         (6.0, 20.0), upper=100.0,
         doc="assumption: China's R&D FTE grew 3-10 %/yr in 2015-2019; a county can grow "
             "faster from a small base"),
    Spec("talent_programme_share", "人才计划带来的引进占比", "share of start-year high-level "
         "recruits owed to talent programmes", "%", PERCENT, 50.0, (30.0, 70.0), upper=100.0,
         doc="assumption"),
)

_TALENT_INDICATORS = (
    Spec("rd_personnel", "R&D人员", "R&D personnel (FTE)", "人年"),
    Spec("rd_personnel_per_10k_employed", "每万名就业人员中研发人员",
         "R&D personnel per 10k employed", "人年/万人"),
    Spec("high_level_recruitment", "每年新引进硕博士等高层次人才",
         "high-level talent recruited per year", "人/年"),
    Spec("high_level_talent", "累计引进硕士、博士高层次人才",
         "high-level talent recruited since start", "人"),
)

TALENT = SectorCatalogue(
    "talent", baselines=_TALENT_BASELINES,
    parameters=_TALENT_PARAMETERS,
    indicators=_TALENT_INDICATORS,
)

# --- incubation --------------------------------------------------------------------------------
_INCUBATION_BASELINES = (
    Spec("hightech_enterprises", "高新技术企业", "high-tech enterprises", "家", upper=1e6,
         published=f"{REGISTER}: 高新技术企业认定名单; {ST_YEARBOOK}",
         plausible=Plausible(1.0, 30000.0, "MOST: 400,000 nationally (2022); Beijing 28,000, "
                             "Shenzhen 23,000")),
    Spec("hightech_new_certifications", "基期当年新认定(首次)高新技术企业",
         "high-tech enterprises certified for the first time in the start year", "家/年",
         upper=2e5, published=f"{REGISTER}: 高新技术企业认定公示名单 (首次认定)",
         plausible=Plausible(0.0, 10000.0, "MOST: Shenzhen and Beijing certify 4,000-8,000 "
                             "a year for the first time")),
    Spec("tech_smes", "科技型中小企业", "tech SMEs", "家", upper=2e6,
         published=f"{REGISTER}: 科技型中小企业入库名单",
         plausible=Plausible(0.0, 60000.0, "MOST: 500,000 on the national register (2022); "
                             "the largest cities 20,000-30,000")),
    Spec("tech_smes_new_per_year", "基期当年新增科技型中小企业", "new tech SMEs in the start "
         "year", "家/年", upper=5e5, published=f"{REGISTER}: 科技型中小企业入库名单",
         plausible=Plausible(0.0, 30000.0, "MOST: about 100,000 new a year nationally; a "
                             "large city adds up to a fifth of its register")),
    Spec("incubator_capacity", "孵化器工位", "incubator seats", "个", upper=1e7,
         published=TORCH,
         plausible=Plausible(0.0, 500000.0, "Torch report: 11,808 incubation organisations "
                             "held 620,000 firms and teams nationally (2018)")),
    Spec("startups_in_incubation", "在孵企业", "start-ups in incubation", "家", upper=1e7,
         published=TORCH,
         plausible=Plausible(0.0, 100000.0, "Torch report: 620,000 firms and teams in "
                             "incubation nationally (2018), a city at most a sixth")),
)

_INCUBATION_LEVERS = (
    Spec("hightech_relocations_per_year", "每年引进(迁入)高新技术企业",
         "certified high-tech enterprises moving in per year", "家/年", 1.0, 2.0, (0.0, 30.0),
         upper=100.0,
         doc="assumption: certificates stay valid after a move (Liuzhou seed 001); a firm "
             "moving in brings the region's average certified firm's output and R&D, which "
             "holds while the moves are few against the firms already there: at most 12 % of "
             "the region's start-year high-tech enterprises a year (at least 2), and 100",
         upper_share_of=("hightech_enterprises", 0.12, 2.0)),
)

_INCUBATION_PARAMETERS = (
    Spec("incubator_public_share", "财政资金支撑的新增孵化工位占比", "share of new incubator "
         "seats paid by fiscal incubation spending", "%", PERCENT, 60.0, (40.0, 80.0),
         upper=100.0, doc="assumption"),
    Spec("incubator_retirement", "孵化工位退出率", "incubator seats retired", "%/年", PERCENT,
         8.0, (4.0, 15.0), upper=100.0, doc="assumption"),
    Spec("graduation_rate", "在孵企业毕业率", "start-up graduation", "%/年", PERCENT, 30.0,
         (20.0, 45.0), upper=100.0,
         source="Torch report; 吴田、胡海青 2021: 3-year incubation is typical"),
    Spec("startup_failure_rate", "在孵企业失败率", "start-up failure hazard", "%/年", PERCENT,
         45.0, (25.0, 90.0), upper=300.0,
         source="吴田、胡海青 2021; Schwartz 2013: 20-30 % survive 1 year, <= 10 % 3 years"),
    Spec("graduate_sme_fraction", "毕业企业成为科技型中小企业比例", "graduates that become "
         "evaluated tech SMEs", "%", PERCENT, 50.0, (30.0, 67.0), upper=100.0,
         source="Schwartz 2013: about 1/3 of graduates fail after leaving (upper bound 67 %)"),
    Spec("sme_exit_rate", "科技型中小企业退出率", "tech SMEs leaving the register", "%/年",
         PERCENT, 5.0, (2.0, 10.0), upper=100.0,
         doc="assumption: yearly re-evaluation (score >= 60) drops some firms"),
    Spec("certification_sme_share", "新认定高企中来自科技型中小企业的比例", "share of new "
         "high-tech certifications that come from the tech-SME register", "%", PERCENT, 50.0,
         (30.0, 80.0), upper=100.0,
         doc="assumption: the rest are other firms reaching the R&D thresholds "
             "(国科发火〔2016〕32号), whose number follows firms' R&D"),
    Spec("incubator_share_of_new_smes", "新增科技型中小企业中孵化器毕业企业占比", "share of "
         "the start year's new tech SMEs founded by incubator graduates", "%", PERCENT, 30.0,
         (15.0, 50.0), upper=100.0,
         doc="assumption: the rest enter from outside incubators at a constant rate"),
    Spec("recertification_rate", "高新技术企业重新认定通过率", "re-certification pass rate", "%",
         PERCENT, 82.0, (80.0, 98.0), upper=100.0,
         source=f"{FIT}: 82 % (with 3 万 first certifications in 2015); UNSOURCED in "
                "model-science.md, so carried as uncertain"),
    Spec("hightech_exit_rate", "高新技术企业退出率", "high-tech enterprises closing or moving "
         "out", "%/年", PERCENT, 3.0, (1.0, 6.0), upper=100.0, doc="assumption"),
)

_INCUBATION_INDICATORS = (
    Spec("hightech_enterprises", "高新技术企业", "high-tech enterprises", "家"),
    Spec("tech_smes", "科技型中小企业", "tech SMEs", "家"),
    Spec("hightech_certification", "每年新增(首次认定)高新技术企业",
         "high-tech enterprises newly certified per year", "家/年"),
    Spec("hightech_recertification", "重新认定高新技术企业", "high-tech enterprises "
         "re-certified per year", "家/年"),
    Spec("sme_registrations", "每年新增科技型中小企业", "new tech SMEs per year", "家/年"),
    Spec("incubator_capacity", "孵化器工位", "incubator seats", "个"),
    Spec("startups_in_incubation", "在孵企业", "start-ups in incubation", "家"),
)

INCUBATION = SectorCatalogue(
    "incubation", baselines=_INCUBATION_BASELINES,
    levers=_INCUBATION_LEVERS,
    parameters=_INCUBATION_PARAMETERS,
    indicators=_INCUBATION_INDICATORS,
)

# --- knowledge ---------------------------------------------------------------------------------
_KNOWLEDGE_BASELINES = (
    Spec("invention_patent_grants", "发明专利授权量", "invention patents granted", "件/年",
         upper=5e6, published=f"{IP_OFFICE}; {BULLETIN}",
         plausible=Plausible(0.0, 100000.0, "CNIPA: Beijing 88,000 and Shenzhen 52,000 "
                             "invention grants (2022)")),
    Spec("invention_patents_per_10k", "万人发明专利拥有量", "invention patents per 10k people",
         "件/万人", upper=500.0, published=f"{IP_OFFICE}; {BULLETIN}",
         plausible=Plausible(0.02, 250.0, "model-science.md: China 6.3 (2015), 15.8 (2020); "
                             "CNIPA: Beijing 218, Shenzhen 137 (2022)")),
    Spec("high_value_patents_per_10k", "每万人高价值发明专利拥有量",
         "high-value invention patents per 10k people", "件/万人", upper=500.0,
         published=IP_OFFICE,
         plausible=Plausible(0.0, 150.0, "model-science.md: China 6.3 (2020), 9.4 (2022); "
                             "CNIPA: Beijing 112 (2022)")),
    Spec("tech_contract_turnover", "技术合同成交额", "technology-contract turnover", "亿元",
         upper=2e5, published=f"技术合同登记 (the S&T bureau's contract registry); {BULLETIN}",
         plausible=Plausible(0.0, 8000.0, "MOST: 47,800 亿元 nationally, Beijing 7,950 "
                             "(2022)")),
)

_KNOWLEDGE_PARAMETERS = (
    Spec("patent_rd_elasticity", "专利对R&D经费的弹性", "elasticity of patents to R&D "
         "spending (alpha)", "1", 1.0, 1.0, (0.6, 1.3), upper=2.0,
         source="Griliches 1990: ~1 across firms, weaker within firms over time; Chinese "
                "provinces: diminishing returns. Held at 1, not fitted: fitted alone on "
                "2015-2019 it went to 1.6, the end of its range, carrying the patenting "
                "trend that patent_propensity_growth now states (R&D and that trend grew "
                "together then, so four years cannot tell them apart)"),
    Spec("patent_propensity_growth", "专利申请倾向增长率", "growth of invention applications "
         "per unit of R&D input (patenting propensity)", "%/年", PERCENT, 2.6, (0.0, 6.0),
         lower=-50.0, upper=50.0,
         source="Hu & Jefferson 2009 (J. Dev. Econ. 90: 57-68): China's patent surge outran "
                "its R&D (legal reform, FDI, subsidies); the range reaches 0 since CNIPA ended "
                "application-stage patent subsidies by mid-2021 (国知发保字〔2021〕1号); "
                f"{FIT}: 2.6 %/yr with the lapse at 10 % (5.6 with the lapse at its 12 % "
                "end: the top of the range)"),
    Spec("patent_personnel_elasticity", "专利对研发人员的弹性", "elasticity of patents to R&D "
         "personnel (beta)", "1", 1.0, 0.3, (0.1, 0.5), upper=2.0,
         doc="UNSOURCED numerically (model-science.md); below alpha as Chinese studies find"),
    Spec("patent_lag", "研发到授权的平均滞后", "mean lag from R&D to grant", "年", 1.0, 1.5,
         (1.0, 2.5), lower=0.25, upper=10.0,
         source="Hall, Griliches & Hausman 1986: most effect in year 0-1; plus examination"),
    Spec("patent_lapse", "发明专利失效率", "invention patent lapse", "%/年", PERCENT, 10.0,
         (4.0, 12.0), upper=100.0,
         source=f"IP5 2012: 50 % of Chinese patents (all kinds) kept to year 6, about 11.5 %; "
                f"{FIT}: 10 % for domestic invention patents in force"),
    Spec("high_value_lapse", "高价值发明专利失效率", "high-value patent lapse", "%/年", PERCENT,
         12.0, (8.0, 16.0), upper=100.0,
         source="CNIPA 2022: high-value invention patents kept 8.3 years on average"),
    Spec("turnover_patent_elasticity", "技术合同额对有效发明专利的弹性", "elasticity of "
         "technology-contract turnover to valid patents", "1", 1.0, 0.87, (0.6, 1.3), upper=5.0,
         source=f"{FIT}: 0.87 (turnover grew 23 %/yr, patents in force 20 %/yr, while the "
                "support index stood still)"),
    Spec("market_support_share", "技术合同额中财政支持带动部分", "share of contract turnover "
         "that moves with fiscal technology-market support", "%", PERCENT, 15.0, (5.0, 30.0),
         upper=100.0, doc="assumption"),
    Spec("achievements_per_100m_yuan", "每亿元技术合同转化成果数", "achievements transformed "
         "per 亿元 of contract turnover", "项/亿元", 1.0, 5.0, (2.0, 10.0),
              upper=1000.0, doc="assumption"),
)

_KNOWLEDGE_INDICATORS = (
    Spec("invention_patent_grants", "发明专利授权量", "invention patents granted", "件/年"),
    Spec("valid_invention_patents", "有效发明专利", "valid invention patents", "件"),
    Spec("invention_patents_per_10k", "万人发明专利拥有量", "invention patents per 10k people",
         "件/万人"),
    Spec("high_value_patents_per_10k", "每万人高价值发明专利拥有量",
         "high-value invention patents per 10k people", "件/万人"),
    Spec("tech_contract_turnover", "技术合同成交额", "technology-contract turnover", "亿元"),
    Spec("achievements_transformed", "累计转化科技成果", "S&T achievements transformed since "
         "start", "项"),
)

KNOWLEDGE = SectorCatalogue(
    "knowledge", baselines=_KNOWLEDGE_BASELINES,
    parameters=_KNOWLEDGE_PARAMETERS,
    indicators=_KNOWLEDGE_INDICATORS,
)

# --- hightech ----------------------------------------------------------------------------------
_HIGHTECH_BASELINES = (
    Spec("hightech_va_share", "高新技术产业增加值占规上工业增加值比重",
         "high-tech share of above-scale industrial value added", "%", PERCENT, upper=100.0,
         published=BULLETIN,
         plausible=Plausible(1.0, 95.0, "model-science.md: 16 % nationally (高技术制造业), "
                             "67 % in Zhejiang (高新技术产业, 2023)")),
    Spec("new_product_rate", "规上工业新产品产值率", "new-product output rate", "%", PERCENT,
         upper=100.0, published=f"{ST_YEARBOOK}; 统计年鉴 (statistical yearbook)",
         plausible=Plausible(1.0, 80.0, "NBS: about 20 % nationally; Zhejiang counties "
                             "30-45 % (Pinghu 38.8 % in 2015)")),
)

_HIGHTECH_LEVERS = (
    Spec("hightech_investment_growth", "高新技术产业投资增速", "high-tech industry investment "
         "growth", "%/年", PERCENT, 10.0, (-10.0, 30.0), lower=-50.0, upper=40.0,
         doc="assumption for the default; plans set it (Kecheng 18 %, Pinghu 16 %); China's "
             "high-tech manufacturing investment grew 10-22 %/yr in 2016-2023 (NBS "
             "communiqués): more than 40 %/yr year after year is not plausible"),
)

_HIGHTECH_PARAMETERS = (
    Spec("investment_elasticity", "高新产业增加值对投资增速的弹性", "high-tech value-added growth "
         "per unit of investment growth", "1", 1.0, 1.0, (0.6, 1.0), upper=2.0,
         source=f"{FIT}: 1.0, the end of its range (high-tech manufacturing share 11.8 -> "
                "14.4 %), the "
                "higher the smaller the R&D-capital effect"),
    Spec("knowledge_elasticity", "高新产业增加值对R&D资本增速的弹性", "high-tech value-added "
         "growth per unit of R&D capital growth", "1", 1.0, 0.02, (0.0, 0.3), upper=2.0,
         source=f"{FIT}: 0.02 in aggregate (with investment elasticity 1.0); kept small "
                "and uncertain, since firm studies find returns to R&D"),
    Spec("new_product_elasticity", "新产品产值率对R&D资本的弹性", "elasticity of the "
         "new-product odds to R&D capital", "1", 1.0, 0.4, (0.1, 0.8), upper=5.0,
         doc="assumption"),
)

_HIGHTECH_INDICATORS = (
    Spec("hightech_va", "高新技术产业增加值", "high-tech industry value added", "亿元"),
    Spec("hightech_va_share", "高新技术产业增加值占规上工业增加值比重",
         "high-tech share of above-scale industrial value added", "%", PERCENT),
    Spec("new_product_rate", "规上工业新产品产值率", "new-product output rate", "%", PERCENT),
)

HIGHTECH = SectorCatalogue(
    "hightech", baselines=_HIGHTECH_BASELINES,
    levers=_HIGHTECH_LEVERS,
    parameters=_HIGHTECH_PARAMETERS,
    indicators=_HIGHTECH_INDICATORS,
)


# --- platforms ---------------------------------------------------------------------------------
# Counts of accredited platforms are counts of titles held, as plans and bulletins count them:
# a provincial platform later accredited national still counts among the provincial ones
# ("省级及以上"), and every accredited one among the municipal-and-above ones.
_NO_PLATFORM = ("the count at the next higher title (0 at the top): none held at this "
                "title alone; a ladder with none at its first title accredits new ones from "
                "the platform money (platform_accreditation_cost)")


def _platform_counts(family: str, zh: str, en: str, upper: float) -> tuple[Spec, ...]:
    """The three counts of one incubation family: all, provincial and above, national."""
    return (
        Spec(f"{family}", f"市级及以上{zh}", f"{en}, municipal level and above", "家",
             upper=upper, fallback=_NO_PLATFORM),
        Spec(f"provincial_{family}", f"省级及以上{zh}", f"{en}, provincial level and above",
             "家", upper=upper, fallback=_NO_PLATFORM),
        Spec(f"national_{family}", f"国家级{zh}", f"{en}, national level", "家", upper=upper,
             fallback=_NO_PLATFORM),
    )


_PLATFORM_COUNTS = (
    *_platform_counts("incubators", "科技企业孵化器", "technology business incubators", 2e4),
    *_platform_counts("maker_spaces", "众创空间", "maker spaces (众创空间)", 4e4),
    *_platform_counts("star_spaces", "星创天地", "rural maker spaces (星创天地)", 2e4),
    Spec("rd_centers", "市级及以上企业研发中心", "enterprise R&D centres, municipal level and "
         "above", "家", upper=2e5, fallback=_NO_PLATFORM),
    Spec("enterprise_tech_centres", "省级及以上企业研发(技术)中心", "enterprise R&D "
         "(technology) centres, provincial level and above", "家", upper=1e5,
         fallback=_NO_PLATFORM),
    Spec("provincial_enterprise_research_institutes", "省级(含重点)企业研究院",
         "provincial enterprise research institutes (key ones included)", "家", upper=2e4,
         fallback=_NO_PLATFORM),
    Spec("provincial_key_enterprise_research_institutes", "省重点企业研究院",
         "provincial key enterprise research institutes", "家", upper=1e4,
         fallback=_NO_PLATFORM),
    # The S&T departments' engineering-centre title (工程技术研究中心, renamed 技术创新中心 in
    # Hebei and elsewhere from 2018), accredited in firms at each level.
    Spec("tech_innovation_centres", "市级及以上技术创新中心(工程技术研究中心)",
         "technology innovation centres (engineering technology research centres), municipal "
         "level and above", "家", upper=1e5, fallback=_NO_PLATFORM),
    Spec("provincial_tech_innovation_centres", "省级及以上技术创新中心(工程技术研究中心)",
         "technology innovation centres (engineering technology research centres), provincial "
         "level and above", "家", upper=5e4, fallback=_NO_PLATFORM),
    Spec("national_tech_innovation_centres", "国家级技术创新中心(工程技术研究中心)",
         "technology innovation centres (engineering technology research centres), national "
         "level", "家", upper=1e4, fallback=_NO_PLATFORM),
    # New-type R&D institutions (新型研发机构): institutes set up with universities, academies
    # or firms as independent legal entities, recognised by the city and accredited by the
    # province (e.g. 河北省新型研发机构, 广西新型研发机构).
    Spec("new_rd_institutions", "市级及以上新型研发机构", "new-type R&D institutions, "
         "municipal level and above", "家", upper=2e4, fallback=_NO_PLATFORM),
    Spec("provincial_new_rd_institutions", "省级新型研发机构", "new-type R&D institutions, "
         "provincial level", "家", upper=1e4, fallback=_NO_PLATFORM),
)

_PLATFORM_BASELINES = (
    *_PLATFORM_COUNTS,
    Spec("rd_institution_rate", "规上工业(制造业)企业研发机构设置率", "share of above-scale "
         "manufacturers with an R&D institution", "%", PERCENT, upper=99.0,
         fallback="30 %: an assumption (Zhejiang counties 40-70 %, Hebei cities 10-30 %; "
                  "the plans' targets of 30-60 % lie above their start)"),
    Spec("above_scale_manufacturers", "规上制造业企业数", "above-scale manufacturers", "家",
         upper=5e5, published=BULLETIN,
         fallback="one per 亿元 of above-scale industrial value added (assumption: county and "
                  "city manufacturers add 0.3-3 亿元 of value each)"),
)

_PLATFORM_PARAMETERS = (
    Spec("platform_growth_before_start", "基期前平台数量年均增长", "growth of the number of "
         "accredited platforms before the start year", "%/年", PERCENT, 8.0, (0.0, 20.0),
         upper=100.0, doc="assumption: sets the start-year accreditation flows so that every "
         "title grows at its recent trend (no start-up jump)"),
    Spec("platform_delisting_rate", "平台摘牌(考核不合格)率", "accredited platforms losing "
         "their title a year", "%/年", PERCENT, 3.0, (1.0, 8.0), upper=100.0,
         doc="assumption: titles are evaluated every year or two and revoked after failed "
             "evaluations (科技企业孵化器管理办法, 国科发区〔2018〕300号)"),
    Spec("platform_promotion_hazard", "无先例时平台晋级率", "yearly chance of promotion to the "
         "next title where the region has no platform with that title yet", "%/年", PERCENT,
         15.0, (5.0, 30.0), upper=100.0,
         doc="assumption: a national title needs years at the lower one (incubators 3 years "
             "of operation, 国科发区〔2018〕300号), so at most about 1/3 a year"),
    Spec("platform_support_share", "平台认定中财政支持带动部分", "share of accreditations and "
         "promotions that move with the platform money", "%", PERCENT, 50.0, (30.0, 70.0),
         upper=100.0, doc="assumption: the rest comes from firms' and operators' own means"),
    Spec("platform_accreditation_cost", "每新认定一个平台的财政资金", "platform money per "
         "newly accredited platform, where the region has none at the first title", "万元",
         1.0, 400.0, (200.0, 1000.0), lower=1.0, upper=1e5,
         doc="assumption: accreditation awards (50-200 万元) plus the building and "
             "operating support a new platform draws over its first years"),
    Spec("new_rd_institution_cost", "每新建一个新型研发机构的财政资金", "platform money per "
         "new-type R&D institution set up, where the region has none", "万元", 1.0, 1500.0,
         (500.0, 3000.0), lower=1.0, upper=1e5,
         doc="assumption: an institute co-built with a university or academy draws local "
             "set-up and operating support of several hundred to a few thousand 万元 over its "
             "first years, several times an incubator's accreditation support"),
    Spec("rd_institution_trend", "基期前研发机构设置率年均增长", "growth of the "
         "R&D-institution rate before the start year (relative, not in points)", "%/年",
         PERCENT, 6.0, (0.0, 12.0), upper=100.0,
         doc="assumption: Zhejiang's and Hebei's rates rose by a few points a year (about "
             "5-10 % of themselves) under their campaigns for R&D institutions in above-scale "
             "firms"),
    Spec("rd_institution_closure", "研发机构撤销率", "firms closing their R&D institution",
         "%/年", PERCENT, 5.0, (2.0, 10.0), upper=100.0, doc="assumption"),
    Spec("rd_institution_elasticity", "研发机构设置对企业平均R&D的弹性", "elasticity of the "
         "set-up of R&D institutions to firms' R&D per firm", "1", 1.0, 1.0, (0.5, 1.5),
         upper=5.0, doc="assumption: a firm sets up an R&D institution once its R&D is large "
                        "enough to staff one"),
)

_PLATFORM_INDICATORS = (
    *(Spec(s.key, s.zh, s.en, s.unit) for s in _PLATFORM_COUNTS),
    Spec("provincial_incubation_platforms", "省级及以上众创空间、孵化器、星创天地",
         "incubation platforms (incubators, maker spaces, 星创天地), provincial level and "
         "above", "家"),
    Spec("new_incubation_platforms", "新增省级及以上众创空间、孵化器等平台", "incubation "
         "platforms at provincial level and above added since the start year", "家",
         lower=None),
    Spec("incubation_platforms", "市级及以上众创空间、孵化器、星创天地", "incubation "
         "platforms (incubators, maker spaces, 星创天地), municipal level and above", "家"),
    Spec("municipal_only_rd_centres", "市级企业研发中心(未获省级认定)", "enterprise R&D "
         "centres with a municipal title only (not yet provincial)", "家"),
    Spec("rd_and_engineering_centres", "市级及以上企业研发(技术)中心与工程技术研究中心",
         "enterprise R&D (technology) centres and engineering technology research centres, "
         "municipal level and above", "家"),
    Spec("new_rd_institutions_built", "新建新型研发机构", "new-type R&D institutions set up "
         "since the start year (net of any closed)", "家", lower=None),
    Spec("rd_institution_rate", "规上工业(制造业)企业研发机构设置率", "share of above-scale "
         "manufacturers with an R&D institution", "%", PERCENT),
    Spec("above_scale_manufacturers", "规上制造业企业数", "above-scale manufacturers", "家"),
    Spec("firms_with_rd_institution", "设立研发机构的规上制造业企业数", "above-scale "
         "manufacturers with an R&D institution", "家"),
)

PLATFORMS = SectorCatalogue(
    "platforms", baselines=_PLATFORM_BASELINES, parameters=_PLATFORM_PARAMETERS,
    indicators=_PLATFORM_INDICATORS,
)

# --- talent programmes -------------------------------------------------------------------------
_TALENT_PROGRAMME_BASELINES = (
    Spec("academician_workstations", "院士(专家)工作站", "academician workstations", "家",
         upper=1e4, fallback="0: none at the start; new ones follow the talent money"),
)

_TALENT_PROGRAMME_PARAMETERS = (
    Spec("high_end_talent_budget_share", "人才经费中领军(高端)人才占比", "share of the talent "
         "money paying provincial-and-above leading talents", "%", PERCENT, 25.0, (10.0, 40.0),
         upper=100.0, doc="assumption: the rest pays masters/PhDs, subsidies and services"),
    Spec("high_end_talent_cost", "每名领军人才的地方资助", "local money per provincial-and-"
         "above leading talent recruited", "万元/人", 1.0, 150.0, (80.0, 300.0), lower=1.0,
         upper=1e5, doc="assumption: county and city packages for 省级及以上领军人才 of "
                        "50-300 万元 (project funding plus housing and living subsidies)"),
    Spec("academician_budget_share", "人才经费中院士工作站占比", "share of the talent money "
         "paying academician workstations", "%", PERCENT, 2.0, (1.0, 5.0), upper=100.0,
         doc="assumption: used where the region has no workstation at the start"),
    Spec("academician_workstation_cost", "每个院士工作站的建站资助", "local money per "
         "academician workstation set up", "万元/家", 1.0, 50.0, (20.0, 100.0), lower=1.0,
         upper=1e5, doc="assumption: provincial and local set-up grants of 20-100 万元 per "
                        "workstation"),
    Spec("academician_workstation_closure", "院士工作站撤销率", "academician workstations "
         "closed a year", "%/年", PERCENT, 5.0, (2.0, 10.0), upper=100.0,
         doc="assumption: agreements run 3-5 years and some are not renewed"),
)

_TALENT_PROGRAMME_INDICATORS = (
    Spec("high_end_talents", "累计引育省级及以上领军(高端)人才", "provincial-and-above leading "
         "talents recruited since the start year", "人"),
    Spec("academician_workstations", "院士(专家)工作站", "academician workstations", "家"),
    Spec("academician_teams", "累计引进院士团队(新建院士工作站)", "academician teams brought in "
         "(workstations set up) since the start year", "个"),
)

TALENT_PROGRAMMES = SectorCatalogue(
    "talent_programmes", baselines=_TALENT_PROGRAMME_BASELINES,
    parameters=_TALENT_PROGRAMME_PARAMETERS, indicators=_TALENT_PROGRAMME_INDICATORS,
)

# --- projects ----------------------------------------------------------------------------------
_PROJECT_PARAMETERS = (
    Spec("provincial_projects_per_100m", "每亿元研发补助实施的省重大科技项目",
         "provincial major S&T projects started a year per 亿元 of R&D subsidies", "项/亿元",
         1.0, 1.5, (0.5, 3.0), upper=1000.0,
         doc="assumption: local matching of 200-500 万元 per provincial major project from "
             "about 5-10 % of the subsidy line"),
    Spec("municipal_projects_per_100m", "每亿元研发补助实施的市级关键核心技术攻关项目",
         "municipal key-technology projects started a year per 亿元 of R&D subsidies",
         "项/亿元", 1.0, 6.0, (3.0, 12.0), upper=1000.0,
         doc="assumption: 30-80 万元 per project from about 20-30 % of the subsidy line"),
    Spec("district_projects_per_100m", "每亿元研发补助实施的其他科技攻关项目", "other funded "
         "S&T projects started a year per 亿元 of R&D subsidies", "项/亿元", 1.0, 10.0,
         (5.0, 20.0), upper=1000.0,
         doc="assumption: 10-30 万元 per project from about 20-30 % of the subsidy line"),
    Spec("project_duration", "科技项目实施周期", "mean duration of a funded project", "年",
         1.0, 2.5, (2.0, 3.0), lower=0.25, upper=10.0,
         doc="assumption: provincial and municipal project terms of 2-3 years"),
    Spec("breakthroughs_per_project", "每个重大/攻关项目突破的关键技术", "key technologies "
         "broken through per completed major or key-technology project", "项/项", 1.0, 0.8,
         (0.5, 1.2), upper=10.0, doc="assumption: acceptance requires the contracted key "
                                     "technology; some projects fail or deliver two"),
    Spec("landmark_share", "省重大项目形成重大标志性成果的比例", "completed provincial major "
         "projects that yield a landmark result", "%", PERCENT, 40.0, (20.0, 60.0),
         upper=100.0, doc="assumption"),
)

_PROJECT_INDICATORS = (
    Spec("provincial_major_projects", "累计实施省重大科技项目", "provincial major S&T projects "
         "started since the start year", "项"),
    Spec("municipal_key_tech_projects", "累计实施市级关键核心技术攻关项目", "municipal "
         "key-technology projects started since the start year", "项"),
    Spec("st_projects", "累计实施科技攻关项目(各级)", "funded S&T projects of every level "
         "started since the start year", "项"),
    Spec("major_technologies", "累计突破关键性重大技术", "key technologies broken through "
         "since the start year", "项"),
    Spec("landmark_results", "累计取得重大标志性成果", "landmark results since the start "
         "year", "项"),
)

PROJECTS = SectorCatalogue("projects", parameters=_PROJECT_PARAMETERS,
                           indicators=_PROJECT_INDICATORS)

# --- IP finance --------------------------------------------------------------------------------
_IP_FINANCE_BASELINES = (
    Spec("ip_pledge_financing", "知识产权质押融资登记额", "IP pledge financing registered",
         "亿元/年", upper=1e4,
         fallback="valid invention patents x the national ratio (ip_pledge_per_patent)"),
)

_IP_FINANCE_PARAMETERS = (
    Spec("ip_pledge_per_patent", "每件有效发明专利的质押融资额", "patent pledge financing a "
         "year per valid invention patent", "万元/件", 1.0, 5.9, (3.0, 12.0), upper=1e4,
         source="CNIPA press conference 2020-01-14: 2019 patent pledge financing 1,105 亿元, "
                "1.862 million domestic valid invention patents (5.9 万元 each); 2018: 885 亿元"),
)

_IP_FINANCE_INDICATORS = (
    Spec("ip_pledge_financing", "知识产权质押融资登记额", "IP pledge financing registered",
         "亿元/年"),
)

IP_FINANCE = SectorCatalogue("ip_finance", baselines=_IP_FINANCE_BASELINES,
                             parameters=_IP_FINANCE_PARAMETERS, indicators=_IP_FINANCE_INDICATORS)


# The order of the model's sectors, which is also the order of keys in every listing.
SECTORS = (ECONOMY, FISCAL, INCUBATION, RD, TALENT, KNOWLEDGE, HIGHTECH, PLATFORMS,
           TALENT_PROGRAMMES, PROJECTS, IP_FINANCE)


@dataclass(frozen=True)
class Derived:
    """An indicator computed from another's recorded years: its year-on-year growth in per
    cent (the start year has none)."""

    spec: Spec
    of: str


DERIVED = (
    Derived(Spec("rd_growth", "全社会研发支出年增长率", "growth of gross R&D expenditure", "%/年",
                 lower=None), of="rd_expenditure"),
)
DERIVED_INDICATORS = tuple(d.spec for d in DERIVED)
BASELINES = by_key(*(s.baselines for s in SECTORS))
LEVERS = by_key(*(s.levers for s in SECTORS))
PARAMETERS = by_key(*(s.parameters for s in SECTORS))
INPUTS = {**LEVERS, **PARAMETERS}
INDICATORS = by_key(*(s.indicators for s in SECTORS), DERIVED_INDICATORS)
FISCAL_RULES = ("growth", "share")

# A new region's start values until the planner has her own (``innosim new``): a mid-sized
# county, about the middle of the shipped counties and districts (Kecheng, Xinhua, Pinghu,
# Bozhou high-tech zone), each an assumption with a range of about a third either way, narrow
# enough that every draw of an ensemble fits together (the sectors' start checks).
TYPICAL_START: dict[str, tuple[float, tuple[float, float]]] = {
    "gdp": (300.0, (200.0, 400.0)),
    "population": (50.0, (40.0, 60.0)),
    "industrial_va": (90.0, (70.0, 110.0)),
    "budget_expenditure": (40.0, (30.0, 50.0)),
    "fiscal_st_spending": (1.2, (0.9, 1.5)),
    "hightech_enterprises": (80.0, (60.0, 100.0)),
    "hightech_new_certifications": (12.0, (8.0, 16.0)),
    "tech_smes": (300.0, (220.0, 380.0)),
    "tech_smes_new_per_year": (60.0, (40.0, 80.0)),
    # seats above start-ups and invention patents above high-value ones in every draw
    "incubator_capacity": (300.0, (250.0, 400.0)),
    "startups_in_incubation": (120.0, (80.0, 160.0)),
    "rd_intensity": (1.8, (1.4, 2.2)),
    "rd_personnel": (1500.0, (1100.0, 1900.0)),
    "high_level_recruits": (40.0, (25.0, 55.0)),
    "invention_patent_grants": (150.0, (100.0, 200.0)),
    "invention_patents_per_10k": (10.0, (7.0, 13.0)),
    "high_value_patents_per_10k": (3.0, (2.0, 4.0)),
    "tech_contract_turnover": (5.0, (3.0, 7.0)),
    "hightech_va_share": (35.0, (25.0, 45.0)),
    "new_product_rate": (20.0, (14.0, 26.0)),
}
