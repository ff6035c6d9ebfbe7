#!/usr/bin/env python3
"""Writes the sample company's documents: a deterministic, realistic small company.

    python3 tools/sample_company.py                      # examples/data/sample-company/
    python3 tools/sample_company.py --out DIR            # the same two files into DIR
    python3 tools/sample_company.py --large N --out DIR  # the same company scaled to N receivables

恒远智能装备有限公司 sells automation equipment to 30 key accounts in three regions (华东区,
华北区, 华南区). `policy.json` is its policy set (2026-v1, and 2026-v2 from 2026-07-01 with lower
region caps and the second discount band at 8% instead of 10%); `month.json` is the request of
the monthly key-account report of November 2026 (as of 2026-11-30). docs/sample-company.md tells
the story the figures make.

Every amount is an integer number of cents and every rate a decimal.Decimal or an integer ratio:
no binary floating point touches money. The random draws are integers from random.Random(seed)
(randrange and choice only), so the same seed writes the same bytes on every machine. The
ledger is one set of invoices and their receipts: the open receivables at the as-of date are
the invoices less the receipts, the opening balances and the collection history are read from
the same ledger, and check_story() refuses a seed whose figures no longer tell the story.
"""
import argparse
import calendar
import datetime
import decimal
import hashlib
import json
import pathlib
import random
import sys

SEED = 20261130
YEAR = 2026
AS_OF = datetime.date(2026, 11, 30)
LEDGER_FROM = datetime.date(2025, 7, 1)  # the invoices and receipts start here
CURRENCY = "CNY"
COMPANY = "恒远智能装备有限公司"
ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "examples" / "data" / "sample-company"

# Seasonality of the plan, per mille of the year: Spring Festival in February, the National Day
# week in October, the year-end push in December.
SEASON = [80, 55, 85, 85, 85, 95, 80, 80, 90, 70, 90, 105]
assert sum(SEASON) == 1000

# region, name, annual sales plan (yuan), expense plan (per mille of sales), expense standard
REGIONS = [
    ("east", "华东区", 66_000_000, 45, "5%"),
    ("north", "华北区", 45_000_000, 50, "5.5%"),
    ("south", "华南区", 33_000_000, 40, "4.5%"),
]

# id, name, role, manager, regions
PEOPLE = [
    ("ma", "马永刚", "general_manager", None, []),
    ("zhao", "赵建国", "sales_director", "ma", []),
    ("li", "李明", "regional_manager", "zhao", ["east"]),
    ("sun", "孙磊", "regional_manager", "zhao", ["north"]),
    ("qian", "钱芳", "regional_manager", "zhao", ["south"]),
    ("wang", "王芳", "sales_rep", "li", []),
    ("chen", "陈静", "sales_rep", "li", []),
    ("liu", "刘洋", "sales_rep", "li", []),
    ("zhou", "周敏", "sales_rep", "sun", []),
    ("yang", "杨帆", "sales_rep", "sun", []),
    ("huang", "黄涛", "sales_rep", "sun", []),
    ("wu", "吴杰", "sales_rep", "qian", []),
    ("zheng", "郑丽", "sales_rep", "qian", []),
]

# id, name, segment, tier, industry, owner, annual sales (万元), how it pays, created
ACCOUNTS = [
    ("E01", "上海申能电力集团有限公司", "group", "A", "电力", "wang", 1100, "prompt", "2018-03-12"),
    ("E02", "江苏省交通运输厅", "government", "A", "交通", "wang", 900, "government", "2019-06-03"),
    ("E03", "杭州海纳精密机械有限公司", "enterprise", "B", "机械制造", "chen", 520, "normal", "2020-09-21"),
    ("E04", "苏州工业园区管理委员会", "government", "B", "园区管理", "wang", 480, "government", "2021-02-25"),
    ("E05", "宁波东港物流有限公司", "enterprise", "C", "物流", "liu", 260, "normal", "2022-05-16"),
    ("E06", "南京金陵化工集团有限公司", "group", "A", "化工", "chen", 980, "normal", "2017-11-08"),
    ("E07", "无锡华泰机电贸易有限公司", "channel", "B", "经销", "liu", 640, "slow", "2019-04-30"),
    ("E08", "合肥新源科技有限公司", "enterprise", "C", "新能源", "chen", 300, "normal", "2023-03-02"),
    ("E09", "上海浦江工控设备经销部", "channel", "C", "经销", "liu", 280, "prompt", "2022-08-19"),
    ("E10", "浙江之江水务集团有限公司", "group", "B", "水务", "wang", 560, "normal", "2020-01-13"),
    ("E11", "常州天宁自动化有限公司", "enterprise", "B", "自动化", "chen", 380, "prompt", "2021-10-11"),
    ("N01", "北京京能热电集团有限公司", "group", "A", "电力", "zhou", 820, "normal", "2018-07-02"),
    ("N02", "天津市水务局", "government", "A", "水务", "zhou", 560, "government", "2019-12-09"),
    ("N03", "河北冀东水泥集团有限公司", "group", "B", "建材", "yang", 420, "normal", "2020-06-15"),
    ("N04", "山东鲁信重工有限公司", "enterprise", "A", "重型机械", "zhou", 700, "troubled", "2018-10-22"),
    ("N05", "青岛海港机械有限公司", "enterprise", "B", "港口机械", "yang", 380, "prompt", "2021-04-07"),
    ("N06", "北京中关村智控科技有限公司", "enterprise", "C", "智能控制", "huang", 180, "normal", "2023-06-26"),
    ("N07", "石家庄北方工业设备经销有限公司", "channel", "B", "经销", "yang", 340, "slow", "2020-11-30"),
    ("N08", "太原市公共资源交易中心", "government", "C", "公共服务", "huang", 150, "very_slow", "2022-02-14"),
    ("N09", "济南泉城机电贸易有限公司", "channel", "C", "经销", "huang", 160, "normal", "2023-01-09"),
    ("N10", "大连滨海装备制造有限公司", "enterprise", "B", "装备制造", "huang", 140, "normal", "2022-09-05"),
    ("S01", "广东粤电能源集团有限公司", "group", "A", "电力", "wu", 900, "prompt", "2018-05-28"),
    ("S02", "深圳市地铁集团有限公司", "group", "A", "轨道交通", "wu", 760, "normal", "2019-03-18"),
    ("S03", "广州市水务局", "government", "B", "水务", "zheng", 330, "government", "2020-08-10"),
    ("S04", "东莞华创电子有限公司", "enterprise", "B", "电子制造", "wu", 420, "normal", "2021-01-20"),
    ("S05", "佛山顺德美家电器有限公司", "enterprise", "C", "家电", "zheng", 200, "normal", "2022-04-11"),
    ("S06", "厦门鹭岛机电经销有限公司", "channel", "B", "经销", "zheng", 460, "slow", "2020-12-07"),
    ("S07", "福州闽江自动化工程有限公司", "enterprise", "C", "工程", "wu", 160, "prompt", "2023-05-29"),
    ("S08", "南宁市住房和城乡建设局", "government", "C", "城建", "zheng", 120, "government", "2022-07-04"),
    ("S09", "珠海横琴智能装备有限公司", "channel", "C", "经销", "zheng", 80, "normal", "2023-08-14"),
]
REGION_OF = {"E": "east", "N": "north", "S": "south"}
DORMANT = {"S09": datetime.date(2026, 7, 31)}  # no orders after this day: status dormant
KEY_PLANNED = ["E01", "E02", "E06", "N01", "N04", "S01", "S02"]  # planned separately (大客户计划单列)

# Account caps and region caps of the receivables (万元). 2026-v2 lowers the region caps.
ACCOUNT_CAPS = {"E01": 300, "E02": 450, "E06": 260, "E07": 100, "N01": 260, "N02": 320, "N04": 150,
                "S01": 300, "S02": 200, "S06": 80}
REGION_CAPS = {"2026-v1": {"east": 1600, "north": 1300, "south": 900},
               "2026-v2": {"east": 1450, "north": 900, "south": 750}}

# Payment terms in days after the invoice: the tier's, government 90 days, channel 30 days.
TERMS = {"A": 60, "B": 45, "C": 30}


def days_in(year, month):
    return calendar.monthrange(year, month)[1]


def cents(text):
    """Cents of a decimal text (exact)."""
    return int(decimal.Decimal(text) * 100)


def amount_text(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100}.{c % 100:02d}"


def money(c):
    return {"amount": amount_text(c), "currency": CURRENCY}


def wan(n):
    """Money of n 万元 (10,000 yuan)."""
    return money(n * 10_000 * 100)


def working(d):
    """Whether the company works on day d (its calendar: weekends, holidays, make-up days)."""
    return d.isoformat() in WORKING_DAYS or (d.weekday() < 5 and d.isoformat() not in HOLIDAYS)


def weekday_on_or_before(d):
    while not working(d):
        d -= datetime.timedelta(days=1)
    return d


def weekday_on_or_after(d):
    while not working(d):
        d += datetime.timedelta(days=1)
    return d


def months(first, last):
    """(year, month) from the month of `first` to the month of `last`."""
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def split(rng, total, parts):
    """`total` cents in `parts` random integer shares summing to it exactly."""
    weights = [rng.randrange(50, 151) for _ in range(parts)]
    shares = [total * w // sum(weights) for w in weights]
    shares[0] += total - sum(shares)
    return shares


# ---- the fingerprint of an approval request (src/approval/request.cpp, approval-request/v1) ----

def _canonical_decimal(text):
    d = decimal.Decimal(text)
    if d.is_zero():
        return "0E0"
    sign, digits, exponent = d.as_tuple()
    digits = list(digits)
    while digits[-1] == 0:
        digits.pop()
        exponent += 1
    return ("-" if sign else "") + "".join(map(str, digits)) + "E" + str(exponent)


def fingerprint(request):
    """The SHA-256 the approval records must carry: the hex digest of the request's canonical
    text, exactly as crm route prints it (the CLI tests compare the two)."""
    def text(name, value):
        return f"{name}={len(value.encode('utf-8'))}:{value}|"
    amount = request.get("amount", {"amount": "0", "currency": CURRENCY})
    canonical = ("approval-request/v1|kind=" + request["kind"] + "|" + text("requester", request["requester"])
                 + text("segment", request.get("segment", "")) + text("region", request.get("region", ""))
                 + text("product_line", request.get("product_line", ""))
                 + "amount=" + amount["currency"] + ":" + _canonical_decimal(amount["amount"])
                 + "|percent=" + _canonical_decimal(request.get("percent", "0").removesuffix("%"))
                 + "|days=" + str(request.get("days", 0)) + "|" + text("content", request.get("content", "")))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# ---- the policy set ---------------------------------------------------------------------------

def calendar_2026():
    """Mainland China's official 2025 and 2026 holidays and make-up working days (国办发明电
    〔2024〕12号 and the notice of 2025-11-04), the company's calendar for the SLA clocks."""
    holidays, working = [], []

    def span(a, b):
        d, e = datetime.date.fromisoformat(a), datetime.date.fromisoformat(b)
        while d <= e:
            holidays.append(d.isoformat())
            d += datetime.timedelta(days=1)
    span("2025-01-01", "2025-01-01"), span("2025-01-28", "2025-02-04"), span("2025-04-04", "2025-04-06")
    span("2025-05-01", "2025-05-05"), span("2025-05-31", "2025-06-02"), span("2025-10-01", "2025-10-08")
    span("2026-01-01", "2026-01-03"), span("2026-02-15", "2026-02-23"), span("2026-04-04", "2026-04-06")
    span("2026-05-01", "2026-05-05"), span("2026-06-19", "2026-06-21"), span("2026-09-25", "2026-09-27")
    span("2026-10-01", "2026-10-07")
    working += ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
                "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
    return {"name": "恒远-2026", "weekend": ["saturday", "sunday"], "holidays": holidays,
            "working_days": sorted(working), "strict": False}


def sla_targets():
    """The complaint SLA: response and resolution per severity and tier (the library's defaults,
    written out so the policy reads on its own)."""
    h = lambda n: {"minutes": n * 60}  # noqa: E731
    bd = lambda n: {"business_days": n}  # noqa: E731
    rows = [("critical", h(1), bd(1), h(2), bd(2), h(4), bd(3)),
            ("high", h(2), bd(2), h(4), bd(3), h(8), bd(5)),
            ("medium", h(4), bd(5), h(8), bd(7), bd(1), bd(10)),
            ("low", bd(1), bd(10), bd(2), bd(15), bd(3), bd(20))]
    out = []
    for severity, ra, xa, rb, xb, rc, xc in rows:
        out += [{"severity": severity, "tier": "A", "response": ra, "resolution": xa},
                {"severity": severity, "tier": "B", "response": rb, "resolution": xb},
                {"severity": severity, "tier": "C", "response": rc, "resolution": xc}]
    return out


HOLIDAYS = frozenset(calendar_2026()["holidays"])
WORKING_DAYS = frozenset(calendar_2026()["working_days"])


def credit_policies(version):
    c_warn = "90%" if version == "2026-v1" else "80%"
    c_days = 90 if version == "2026-v1" else 60
    return [
        {"tier": "A", "segment": "", "warn_utilisation": "90%",
         "tolerance": {"percent": "10%", "amount": None, "rule": "smaller"},
         "overdue": {"max_days_past_due": 120, "grace": 10, "max_overdue_amount": wan(100)},
         "limit_valid_months": 12, "on_hold": "block", "on_expired_limit": "needs_approval"},
        {"tier": "A", "segment": "government", "warn_utilisation": "95%",
         "tolerance": {"percent": "15%", "amount": None, "rule": "smaller"},
         "overdue": {"max_days_past_due": 180, "grace": 15, "max_overdue_amount": None},
         "limit_valid_months": 24, "on_hold": "needs_approval", "on_expired_limit": "needs_approval"},
        {"tier": "B", "segment": "", "warn_utilisation": "85%",
         "tolerance": {"percent": "5%", "amount": wan(20), "rule": "smaller"},
         "overdue": {"max_days_past_due": 90, "grace": 5, "max_overdue_amount": wan(50)},
         "limit_valid_months": 12, "on_hold": "block", "on_expired_limit": "block"},
        {"tier": "C", "segment": "", "warn_utilisation": c_warn,
         "tolerance": {"percent": "0%", "amount": None, "rule": "smaller"},
         "overdue": {"max_days_past_due": c_days, "grace": 0, "max_overdue_amount": wan(10)},
         "limit_valid_months": 6, "on_hold": "block", "on_expired_limit": "block"},
    ]


def approval_rows(version):
    band = "10%" if version == "2026-v1" else "8%"
    rm, sd, gm = {"role": "regional_manager"}, {"role": "sales_director"}, {"role": "general_manager"}
    return [
        {"id": "D1", "kind": "discount", "over": {"percent": "5%"}, "boundary": "exclusive", "levels": [rm]},
        {"id": "D2", "kind": "discount", "over": {"percent": band}, "boundary": "exclusive", "levels": [rm, sd]},
        {"id": "D3", "kind": "discount", "over": {"percent": "15%"}, "boundary": "exclusive",
         "levels": [rm, sd, gm]},
        {"id": "O1", "kind": "order", "over": {"amount": wan(100)}, "levels": [rm]},
        {"id": "O2", "kind": "order", "over": {"amount": wan(300)}, "levels": [rm, sd]},
        {"id": "O3", "kind": "order", "over": {"amount": wan(1000)}, "levels": [rm, sd, gm]},
        {"id": "K1", "kind": "contract", "over": {"amount": wan(500)}, "levels": [rm, sd], "cc": [gm]},
        {"id": "T1", "kind": "payment_term", "over": {"days": 60}, "boundary": "exclusive", "levels": [rm, sd]},
        {"id": "C1", "kind": "credit_overrun", "levels": [rm, sd]},
        {"id": "C2", "kind": "credit_overrun", "over": {"amount": wan(200)}, "levels": [rm, sd, gm]},
        {"id": "X1", "kind": "expense", "over": {"amount": wan(1)}, "levels": [rm]},
        {"id": "X2", "kind": "expense", "over": {"amount": wan(10)}, "levels": [rm, sd]},
        {"id": "A1", "kind": "account_transfer", "levels": [rm]},
        {"id": "L1", "kind": "leave", "levels": [rm]},
        {"id": "L2", "kind": "leave", "over": {"days": 3}, "boundary": "exclusive", "levels": [rm, sd]},
    ]


def pricing(version):
    top = "10%" if version == "2026-v1" else "8%"
    entry = lambda p, price, cost: {"product": p, "unit": "EA", "currency": CURRENCY,  # noqa: E731
                                    "list_price": price, "cost": cost, "min_price": None,
                                    "valid": {"from": "2026-01-01", "to": None}}
    return {
        "book": {
            "entries": [entry("HY-PLC-200", "18600.00", "11200.00"), entry("HY-VFD-55", "4380.00", "2650.00"),
                        entry("HY-SRV-750", "2960.00", "1720.00"), entry("HY-HMI-10", "3250.00", "1880.00")],
            "contract_prices": [],
            "rules": [
                {"id": "Q50", "kind": "quantity_break", "group": "qty",
                 "when": {"products": ["HY-VFD-55", "HY-SRV-750"], "min_quantity": "50", "min_side": "inclusive"},
                 "action": {"kind": "percent_off", "percent": "5%"}},
                {"id": "GOV", "kind": "segment_discount", "sequence": 2, "when": {"segments": ["government"]},
                 "action": {"kind": "percent_off", "percent": "3%"}},
            ],
            "groups": [{"name": "qty", "policy": "best_for_customer", "sequence": 1}],
            "product_groups": [],
            "policy": {"unit_price_scale": 2, "unit_price_rounding": "half_up", "amount_rounding": "half_up",
                       "stacking": "compounded", "floor_policy": "clamp", "min_margin": "20%", "vat": "13%",
                       "prices_include_tax": False, "tax_rounding": "per_line"},
        },
        "authority": {"rows": [
            {"role": "sales_rep", "rank": 1, "max_discount": "5%", "min_price": None},
            {"role": "regional_manager", "rank": 2, "max_discount": top, "min_price": None},
            {"role": "sales_director", "rank": 4, "max_discount": "15%", "min_price": None},
            {"role": "general_manager", "rank": 5, "max_discount": "25%", "min_price": None},
        ]},
    }


def policy_set():
    versions = []
    for version, start in (("2026-v1", "2026-01-01"), ("2026-v2", "2026-07-01")):
        caps = REGION_CAPS[version]
        versions.append({
            "id": version,
            "effective_from": start,
            "account": {
                "pool": {"tiers": [{"tier": "A", "exempt": True},
                                   {"tier": "B", "follow_up_within": 30, "deal_within": 180},
                                   {"tier": "C", "follow_up_within": 15, "deal_within": 90}],
                         "max_accounts_per_rep": 40, "reclaim_cooldown": 30, "transfer_needs_approval": True},
                "visits": {"tiers": [{"tier": "A", "every_months": 1}, {"tier": "B", "every_months": 2},
                                     {"tier": "C", "every_months": 3}], "skip_lost": True},
                "sla": {"targets": sla_targets(), "at_risk": "80%",
                        "escalation": [{"at": {"percent": "50%"}, "notify": "regional_manager"},
                                       {"at": {"percent": "100%"}, "notify": "sales_director"},
                                       {"at": {"percent": "150%"}, "notify": "general_manager"}]},
            },
            "credit": {
                "policies": credit_policies(version),
                "aging_buckets": [{"label": "current", "from_days": 0, "to_days": 0},
                                  {"label": "1-30", "from_days": 1, "to_days": 30},
                                  {"label": "31-60", "from_days": 31, "to_days": 60},
                                  {"label": "61-90", "from_days": 61, "to_days": 90},
                                  {"label": "91-180", "from_days": 91, "to_days": 180},
                                  {"label": "181-365", "from_days": 181, "to_days": 365},
                                  {"label": ">365", "from_days": 366, "to_days": None}],
                "account_caps": [{"account": a, "cap": wan(n)} for a, n in ACCOUNT_CAPS.items()],
                "region_caps": [{"region": r, "cap": wan(caps[r])} for r, *_ in REGIONS],
            },
            "pricing": pricing(version),
            "approval": {"currency": CURRENCY, "rows": approval_rows(version)},
            "calendars": [calendar_2026()],
        })
    return {"company": COMPANY, "versions": versions}


# ---- the ledger: invoices and receipts -------------------------------------------------------

class Invoice:
    def __init__(self, account, day, amount):
        self.id, self.account, self.day, self.amount = "", account, day, amount
        self.due = day
        self.receipts = []  # (day, cents)
        self.returned = 0  # cents credited back by a return

    def open_on(self, day):
        """What is still owed at the end of `day`."""
        if self.day > day:
            return 0
        return self.amount - self.returned - sum(c for d, c in self.receipts if d <= day)


def terms_of(account):
    _, _, segment, tier, *_ = account
    if segment == "government":
        return 90
    if segment == "channel":
        return 30
    return TERMS[tier]


def pay(rng, invoice, behaviour):
    """The receipts of one invoice as its account pays (some after the as-of date: still open)."""
    due, net = invoice.due, invoice.amount - invoice.returned
    delays = {"prompt": (-10, 6), "normal": (-3, 22), "slow": (10, 50), "government": (15, 75),
              "very_slow": (60, 160), "troubled": (20, 60)}
    low, high = delays[behaviour]
    first = weekday_on_or_after(due + datetime.timedelta(days=rng.randrange(low, high)))
    if behaviour == "troubled" and datetime.date(2026, 5, 1) <= invoice.day <= datetime.date(2026, 9, 30):
        # 山东鲁信重工: from May its cash dried up; it pays about a third of each invoice and
        # promises the rest
        part = net * rng.randrange(30, 41) // 100
        invoice.receipts.append((first, part))
        return
    if rng.randrange(5) == 0:  # paid in two instalments (分期付款)
        part = net * rng.randrange(50, 71) // 100
        second = weekday_on_or_after(first + datetime.timedelta(days=rng.randrange(15, 46)))
        invoice.receipts += [(first, part), (second, net - part)]
    else:
        invoice.receipts.append((first, net))


def ledger(rng, accounts):
    """The invoices from LEDGER_FROM to AS_OF, with their receipts (up to and after AS_OF)."""
    invoices = []
    for y, m in months(LEDGER_FROM, AS_OF):
        month_invoices = []
        for account in accounts:
            aid, tier = account[0], account[3]
            annual = account[6] * 10_000 * 100
            if y < YEAR:
                annual = annual * 9 // 10  # 2025 was about 10% smaller
            # plus up to 100 yuan, so that the invoices are not round
            target = annual * SEASON[m - 1] // 1000 * rng.randrange(80, 121) // 100 + rng.randrange(100_00)
            if aid == "S06" and (y, m) in ((2026, 10), (2026, 11)):
                target = target * 17 // 10  # the distributor stocks up before the price rise
            if aid == "N04" and y == YEAR and m >= 6:
                target = target * 12 // 10  # keeps buying while paying less
            if aid in DORMANT and datetime.date(y, m, 1) > DORMANT[aid]:
                continue
            count = rng.choice({"A": [2, 2, 3, 3, 4], "B": [1, 2, 2, 3], "C": [1, 1, 2]}[tier])
            last = days_in(y, m) if (y, m) != (AS_OF.year, AS_OF.month) else AS_OF.day
            for share in split(rng, target, count):
                day = datetime.date(y, m, rng.randrange(1, last + 1))
                day = weekday_on_or_before(day) if weekday_on_or_before(day).month == m else weekday_on_or_after(day)
                month_invoices.append(Invoice(aid, day, share))
        month_invoices.sort(key=lambda i: (i.day, i.account))
        for n, invoice in enumerate(month_invoices, 1):
            invoice.id = f"FP{y % 100:02d}{m:02d}-{n:04d}"
        invoices += month_invoices
    by_id = {a[0]: a for a in accounts}
    returns = []
    for invoice in invoices:
        account = by_id[invoice.account]
        invoice.due = invoice.day + datetime.timedelta(days=terms_of(account))
        if invoice.account == "E05" and invoice.day.year == YEAR and invoice.day.month == 7 and not returns:
            # 宁波东港物流 sends back a batch of damaged drives; the credit note is a negative sale
            invoice.returned = invoice.amount * 3 // 10
            returns.append((invoice.account, weekday_on_or_after(invoice.day + datetime.timedelta(days=20)),
                            -invoice.returned, invoice.id))
        if invoice.account == "E07" and (invoice.day.year, invoice.day.month) == (2026, 3):
            # 无锡华泰机电贸易 disputes the March delivery (质量纠纷): nothing paid yet
            continue
        if invoice.account == "N08" and datetime.date(2026, 4, 1) <= invoice.day <= datetime.date(2026, 5, 31):
            # 太原市公共资源交易中心: the spring invoices wait for the budget funds (财政资金未到位)
            continue
        pay(rng, invoice, account[7])
    return invoices, returns


# ---- the report request ----------------------------------------------------------------------

def region_plan(annual, rate):
    out = []
    for m, w in enumerate(SEASON, 1):
        sales = annual * w // 1000
        out.append({"month": m, "sales": money(sales * 100),
                    "collection": money(sales * 92 // 100 // 10_000 * 10_000 * 100),
                    "expense": money(sales * rate // 1000 // 1000 * 1000 * 100)})
    return out


def plan(accounts, scale=1):
    regions, company = [], []
    for region, name, annual, rate, _ in REGIONS:
        regions.append({"region": region, "name": name, "months": region_plan(annual * scale, rate)})
    for m in range(12):
        company.append({"month": m + 1, **{k: money(sum(cents(r["months"][m][k]["amount"]) for r in regions))
                                           for k in ("sales", "collection", "expense")}})
    key_accounts = []
    by_id = {a[0]: a for a in accounts}
    for aid in KEY_PLANNED:
        annual = by_id[aid][6] * 10_000
        months_ = []
        for m, w in enumerate(SEASON, 1):
            sales = annual * w // 1000 // 10_000 * 10_000
            months_.append({"month": m, "sales": money(sales * 100),
                            "collection": money(sales * 9 // 10 * 100), "expense": money(0)})
        key_accounts.append({"account": aid, "region": REGION_OF[aid[0]], "months": months_})
    return {"year": YEAR, "currency": CURRENCY, "company": company, "regions": regions,
            "key_accounts": key_accounts}


def account_record(rng, account, invoices):
    aid, name, segment, tier, industry, owner, annual, _, created = account
    last_deal = max((i.day for i in invoices if i.account == aid), default=None)
    # visits: most are on cadence, a few are late (A every month, B every 2, C every 3)
    late = {"N04": 62, "E06": 48, "N07": 81, "S05": 120, "E09": 135, "S09": 150}
    back = late.get(aid, rng.randrange(3, {"A": 26, "B": 50, "C": 80}[tier]))
    last_visit = weekday_on_or_before(AS_OF - datetime.timedelta(days=back))
    follow_up = weekday_on_or_before(AS_OF - datetime.timedelta(days=rng.randrange(1, 15)))
    return {"id": aid, "name": name, "segment": segment, "region": REGION_OF[aid[0]], "industry": industry,
            "tier": tier, "owner": owner, "status": "dormant" if aid in DORMANT else "active",
            "created": created, "owned_since": created, "last_follow_up": follow_up.isoformat(),
            "last_deal": last_deal.isoformat() if last_deal else None, "last_visit": last_visit.isoformat(),
            "annual_revenue": None if segment == "government" else wan(annual * rng.randrange(15, 40))}


def approvals(people_by_id):
    """The requests waiting at the as-of date, and the records given so far. A record carries the
    fingerprint of the request it approved; the payment-term request was edited after its first
    approval, so that record names the old content and does not count."""
    def req(id_, kind, requester, segment, region, content, amount=0, percent="0%", days=0):
        return {"id": id_, "kind": kind, "requester": requester, "segment": segment, "region": region,
                "amount": money(amount), "percent": percent, "days": days, "content": content}
    waiting = [
        (req("SP2611-003", "discount", "chen", "enterprise", "east", "杭州海纳精密机械 年度框架报价 第2版",
             percent="9%"), "2026-11-24", [("li", "regional_manager", "2026-11-25", None)]),
        (req("SP2611-011", "order", "yang", "group", "north", "冀东水泥 窑线改造 变频系统订单",
             amount=cents("3268000.00")), "2026-11-27", []),
        (req("SP2611-014", "discount", "wu", "enterprise", "south", "东莞华创电子 伺服驱动 批量报价",
             percent="6%"), "2026-11-30", []),
        (req("SP2611-007", "credit_overrun", "zhou", "enterprise", "north", "山东鲁信重工 超信用额度发货",
             amount=cents("860000.00")), "2026-11-19", [("sun", "regional_manager", "2026-11-20", None)]),
        (req("SP2611-009", "payment_term", "zheng", "channel", "south", "厦门鹭岛机电 账期延长至90天 第2版",
             days=90), "2026-11-25",
         [("qian", "regional_manager", "2026-11-25", "厦门鹭岛机电 账期延长至90天")]),
    ]
    out = []
    for request, submitted, records in waiting:
        given = []
        for approver, level, day, old_content in records:
            signed = dict(request, content=old_content) if old_content else request
            given.append({"request": request["id"], "fingerprint": fingerprint(signed), "level": level,
                          "approver": approver, "date": day})
        assert all(r["approver"] in people_by_id for r in given)
        out.append({"request": request, "submitted": submitted, "approvals": given})
    return out


COMPLAINTS = [
    # id, account, severity, received, responded, resolved
    ("TS2611-01", "N04", "high", "2026-11-26 09:30", "2026-11-26 10:40", None),
    ("TS2611-02", "E06", "medium", "2026-11-20 14:00", "2026-11-20 16:10", None),
    ("TS2611-03", "S02", "low", "2026-11-10 10:15", "2026-11-10 15:00", "2026-11-12 17:30"),
    ("TS2610-04", "N07", "high", "2026-10-28 11:00", "2026-10-28 13:20", "2026-11-03 16:00"),
    ("TS2611-05", "S05", "medium", "2026-11-27 10:00", None, None),
    ("TS2611-06", "E01", "critical", "2026-11-30 09:10", "2026-11-30 09:45", None),
]


def month_request(rng, accounts, invoices, returns):
    tier_of = {a[0]: a[3] for a in accounts}
    region_of = {a[0]: REGION_OF[a[0][0]] for a in accounts}
    order_index = {a[0]: n for n, a in enumerate(accounts)}
    sales = [(i.day, i.account, i.amount, i.id) for i in invoices]
    sales += [(day, account, amount, ref) for account, day, amount, ref in returns]
    sales.sort(key=lambda s: (s[0], order_index[s[1]], s[3]))
    receipts = []
    for i in invoices:
        for n, (day, c) in enumerate(i.receipts):
            if day <= AS_OF:
                receipts.append((day, i.account, c, i.id, n))
    receipts.sort(key=lambda r: (r[0], order_index[r[1]], r[3], r[4]))
    collections = [{"account": a, "received_on": d.isoformat(), "amount": money(c),
                    "id": f"SK{d.year % 100:02d}{d.month:02d}-{k:04d}", "invoice": inv}
                   for k, (d, a, c, inv, _) in enumerate(receipts, 1)]
    # expenses: travel, hospitality, exhibitions; the north spends its budget though it sells less,
    # the south overspends in November (a trade fair in Shenzhen)
    expenses = []
    region_plans = {r: region_plan(annual, rate) for r, _, annual, rate, _ in REGIONS}
    for region, *_ in REGIONS:
        for m in range(1, AS_OF.month + 1):
            budget = cents(region_plans[region][m - 1]["expense"]["amount"])
            spent = budget * rng.randrange(88, 109) // 100
            if region == "south" and m == 11:
                spent = budget * 135 // 100
            last = days_in(YEAR, m) if m != AS_OF.month else AS_OF.day
            for share in split(rng, spent, rng.randrange(4, 8)):
                day = weekday_on_or_after(datetime.date(YEAR, m, rng.randrange(1, last - 2)))
                expenses.append((day, region, share))
    expenses.sort(key=lambda e: (e[0], e[1]))
    # open orders, not yet invoiced
    orders = []
    for account in accounts:
        aid = account[0]
        if aid in DORMANT:
            continue
        for _ in range(rng.choice([0, 1, 1, 2])):
            amount = account[6] * 10_000 * 100 * rng.randrange(4, 15) // 120 // 10_000 * 10_000
            ship = weekday_on_or_after(AS_OF + datetime.timedelta(days=rng.randrange(-5, 60)))
            orders.append({"account": aid, "amount": money(amount), "expected_ship": ship.isoformat()})
    # the open items at the as-of date
    receivables = [{"invoice": i.id, "account": i.account, "invoiced_on": i.day.isoformat(),
                    "due_on": i.due.isoformat(), "open_amount": money(i.open_on(AS_OF))}
                   for i in sorted(invoices, key=lambda i: (order_index[i.account], i.day, i.id))
                   if i.open_on(AS_OF) > 0]
    # collection history: per account and past month of the year, what fell due and what came in
    history = []
    for account in accounts:
        aid = account[0]
        for m in range(1, AS_OF.month):
            planned = sum(i.amount - i.returned for i in invoices
                          if i.account == aid and (i.due.year, i.due.month) == (YEAR, m))
            actual = sum(c for i in invoices if i.account == aid
                         for d, c in i.receipts if (d.year, d.month) == (YEAR, m))
            if planned > 0:
                history.append({"account": aid, "month": f"{YEAR}-{m:02d}", "planned": money(planned),
                                "actual": money(actual)})
    # the receivables at the start of the month and of the month before, per region
    def open_at(region, day):
        return sum(i.open_on(day) for i in invoices if region_of[i.account] == region)
    balances = [{"region": r, "month_start": money(open_at(r, datetime.date(2026, 10, 31))),
                 "previous_month_start": money(open_at(r, datetime.date(2026, 9, 30)))} for r, *_ in REGIONS]
    people = [{"id": p, "name": n, "role": role, "manager": mgr, **({"regions": regs} if regs else {})}
              for p, n, role, mgr, regs in PEOPLE]
    people_by_id = {p["id"]: p for p in people}
    return {
        "as_of": AS_OF.isoformat(),
        "plan": plan(accounts),
        "accounts": [account_record(rng, a, invoices) for a in accounts],
        "people": people,
        "actuals": {
            "sales": [{"account": a, "date": d.isoformat(), "amount": money(c)} for d, a, c, _ in sales],
            "collections": collections,
            "expenses": [{"region": r, "date": d.isoformat(), "amount": money(c)} for d, r, c in expenses],
        },
        "orders": orders,
        "receivables": receivables,
        "collection_history": history,
        "balances": balances,
        "approvals": approvals(people_by_id),
        "complaints": [{"id": c, "account": a, "tier": tier_of[a], "severity": s, "received": rcv,
                        "responded": resp, "resolved": res} for c, a, s, rcv, resp, res in COMPLAINTS],
        "overdue_limit_days": 90,
        "approval_age_limit_days": 3,
        "target_turnover_days": "60",
        "calendar": "恒远-2026",
        "working_hours": "09:00-18:00",
        "forecast": {"method": "trailing_months", "trailing_months": 3, "stretch": "150%"},
        "expense": {"default_standard": "5%", "standards": [{"region": r, "standard": s} for r, *_, s in REGIONS],
                    "over": "exclusive"},
    }


def check_story(request):
    """The figures docs/sample-company.md tells of; a seed or an edit that breaks them fails here."""
    open_by = {}
    for r in request["receivables"]:
        open_by[r["account"]] = open_by.get(r["account"], 0) + cents(r["open_amount"]["amount"])
    region = {}
    for a, c in open_by.items():
        region[REGION_OF[a[0]]] = region.get(REGION_OF[a[0]], 0) + c
    over = sorted(a for a, cap in ACCOUNT_CAPS.items() if open_by.get(a, 0) > cap * 1_000_000)
    problems = []
    if over != ["E07", "N04", "S06"]:
        problems.append(f"the accounts over cap are {over}, not E07, N04 and S06")
    for r, *_ in REGIONS:
        v1, v2 = REGION_CAPS["2026-v1"][r] * 1_000_000, REGION_CAPS["2026-v2"][r] * 1_000_000
        if r == "north" and not v2 < region[r] <= v1:
            problems.append(f"north's receivables {amount_text(region[r])} are not between the v2 and v1 caps")
        if r != "north" and region[r] > v2:
            problems.append(f"{r}'s receivables {amount_text(region[r])} are over its v2 cap")
    past_90 = {r["account"] for r in request["receivables"]
               if (AS_OF - datetime.date.fromisoformat(r["due_on"])).days > 90}
    if not {"E07", "N04", "N08"} <= past_90:
        problems.append(f"the accounts past due over 90 days are {sorted(past_90)}")
    total_sales = sum(cents(s["amount"]["amount"]) for s in request["actuals"]["sales"])
    total_in = sum(cents(c["amount"]["amount"]) for c in request["actuals"]["collections"])
    total_open = sum(open_by.values())
    if total_sales - total_in != total_open:
        problems.append("the receivables are not the sales less the collections")
    return problems


def write(path, document):
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---- the large company, for benchmarks ---------------------------------------------------------

CITIES = {"east": ["上海", "南京", "杭州", "苏州", "宁波", "无锡", "合肥", "常州", "温州", "嘉兴"],
          "north": ["北京", "天津", "石家庄", "济南", "青岛", "太原", "大连", "沈阳", "烟台", "唐山"],
          "south": ["广州", "深圳", "东莞", "佛山", "厦门", "福州", "南宁", "珠海", "中山", "惠州"]}
WORDS = ["恒信", "华通", "宏达", "金源", "瑞丰", "新科", "盛世", "天成", "永安", "博远", "中泰", "长兴"]
TRADES = [("机械有限公司", "enterprise", "机械制造"), ("电子科技有限公司", "enterprise", "电子制造"),
          ("机电贸易有限公司", "channel", "经销"), ("能源集团有限公司", "group", "能源"),
          ("市政管理局", "government", "公共服务")]


def large_accounts(rng, n):
    """The 30 accounts, then generated ones up to n."""
    out = list(ACCOUNTS)
    owners = {"east": ["wang", "chen", "liu"], "north": ["zhou", "yang", "huang"], "south": ["wu", "zheng"]}
    for k in range(len(out), n):
        region = ["east", "north", "south"][k % 3]
        city, word = rng.choice(CITIES[region]), rng.choice(WORDS)
        suffix, segment, industry = rng.choice(TRADES)
        aid = f"{region[0].upper()}{k + 1:05d}"
        out.append((aid, f"{city}{word}{suffix}", segment, rng.choice("ABC"), industry,
                    rng.choice(owners[region]), rng.randrange(80, 400), rng.choice(["prompt", "normal", "slow"]),
                    f"20{rng.randrange(15, 25)}-{rng.randrange(1, 13):02d}-01"))
    return out


def scaled(value, k):
    """`value` with every money object in it multiplied by k."""
    if isinstance(value, dict):
        if set(value) == {"amount", "currency"}:
            return money(cents(value["amount"]) * k)
        return {key: scaled(v, k) for key, v in value.items()}
    if isinstance(value, list):
        return [scaled(v, k) for v in value]
    return value


def write_large(seed, n, out):
    """The company scaled to N open receivables, for benchmarks: k = N / 6,000 times the accounts
    (the 30, then generated ones), the plan, sales, collections, expenses, orders, balances, caps
    and collection history k times the sample's, and N receivables drawn after the sample's own
    (their dates, and amounts so that the total is about k times the sample's), written to
    month.json and to receivables.csv."""
    k = max(1, n // 6000)
    rng = random.Random(seed)
    invoices, returns = ledger(rng, ACCOUNTS)
    request = month_request(rng, ACCOUNTS, invoices, returns)
    accounts = large_accounts(rng, 30 * k)
    templates = request["receivables"]
    for key in ("actuals", "orders", "collection_history", "balances"):
        request[key] = scaled(request[key], k)
    request["plan"] = plan(ACCOUNTS, k)
    request["accounts"] += [account_record(rng, a, []) for a in accounts[30:]]
    request["receivables"] = []
    policy = policy_set()
    for version in policy["versions"]:
        version["credit"]["region_caps"] = scaled(version["credit"]["region_caps"], k)
    write(out / "policy.json", policy)
    by_region = {}
    for a in accounts:
        by_region.setdefault(REGION_OF[a[0][0]], []).append(a[0])
    text = json.dumps(request, ensure_ascii=False, indent=1)
    head, tail = text.split('"receivables": []', 1)
    with open(out / "month.json", "w", encoding="utf-8") as f, \
            open(out / "receivables.csv", "w", encoding="utf-8", newline="") as csv:
        csv.write("invoice,account,invoiced_on,due_on,open_amount,currency\n")
        f.write(head + '"receivables": [')
        for i in range(n):
            t = templates[rng.randrange(len(templates))]
            account = t["account"] if k == 1 else rng.choice(by_region[REGION_OF[t["account"][0]]])
            amount = max(100, cents(t["open_amount"]["amount"]) * len(templates) * k // n
                         * rng.randrange(80, 121) // 100)
            item = {"invoice": f"FP-L{i + 1:07d}", "account": account, "invoiced_on": t["invoiced_on"],
                    "due_on": t["due_on"], "open_amount": money(amount)}
            body = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            f.write(("," if i else "") + "\n  " + body)
            csv.write(f"{item['invoice']},{account},{item['invoiced_on']},{item['due_on']},"
                      f"{amount_text(amount)},{CURRENCY}\n")
        f.write("\n ]" + tail + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=None,
                        help="the folder to write to (default examples/data/sample-company)")
    parser.add_argument("--large", type=int, default=None, metavar="N",
                        help="write the company scaled to N receivables, with receivables.csv (needs --out)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.large is not None:
        if args.out is None or args.large < 1:
            parser.error("--large N needs N >= 1 and --out DIR (the large files are not committed)")
        args.out.mkdir(parents=True, exist_ok=True)
        write_large(args.seed, args.large, args.out)
        return 0
    out = args.out or DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    invoices, returns = ledger(rng, ACCOUNTS)
    request = month_request(rng, ACCOUNTS, invoices, returns)
    problems = check_story(request)
    if problems:
        for p in problems:
            print(f"sample_company.py: {p}", file=sys.stderr)
        return 1
    write(out / "policy.json", policy_set())
    write(out / "month.json", request)
    return 0


if __name__ == "__main__":
    sys.exit(main())
