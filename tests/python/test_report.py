"""The monthly report from Python: the example company's documents (tests/cli/data), the same
report as the command line, every rendering, the workbook, bad input as crmrules.Error."""

import datetime
import json
from decimal import Decimal

import pytest

import crmrules


@pytest.fixture(scope="module")
def policy(data):
    return crmrules.load_policy_set(data / "report_policy.json")


def test_the_example_month_in_chinese_and_english(policy, data):
    r = crmrules.monthly_report(policy, data / "report_facts.json")
    assert (r.year, r.month) == (2026, 6)
    text = r.render()  # the request's language: zh
    assert text.startswith("2026年6月大客户月报（截至 2026-06-15）")
    # East sold CNY 50,000.00 of CNY 100,000.00 this month (50.00%); YTD 550,000 of 600,000.
    assert "华东区 | CNY 100,000.00 | CNY 50,000.00 | 50.00% | CNY 550,000.00 | 91.67%" in text
    assert r.render("text", "en").startswith("Key-account report for 2026-6 (as of 2026-06-15)")
    assert r.render("md").startswith("#")
    assert "万元" in r.render(wan=True)


def test_the_html_page_is_self_contained(policy, data):
    page = crmrules.monthly_report(policy, data / "report_facts.json").render("html", "en")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert "<script" not in page and 'src="' not in page and "href=" not in page


def test_a_dict_with_decimals_and_dates_gives_the_same_report(policy, data):
    facts = json.loads((data / "report_facts.json").read_text("utf-8"))
    facts["as_of"] = datetime.date(2026, 6, 15)
    facts["target_turnover_days"] = Decimal("30")
    from_dict = crmrules.monthly_report(policy, facts).render("text", "en")
    assert from_dict == crmrules.monthly_report(policy, data / "report_facts.json").render("text", "en")


def test_as_of_wins_over_the_request(policy, data):
    r = crmrules.monthly_report(policy, data / "report_facts.json", as_of=datetime.date(2026, 6, 12))
    assert "as of 2026-06-12" in r.render("text", "en")


def test_the_workbook(policy, data, tmp_path):
    out = tmp_path / "report.xlsx"
    crmrules.monthly_report(policy, data / "report_facts.json").write_xlsx(out)
    assert out.read_bytes()[:2] == b"PK"  # a zip container, as every .xlsx


@pytest.mark.parametrize(
    "change, code, field",
    [
        (lambda f: f["receivables"][0].update(open_amount=30000), "parse_error", "/receivables/0/open_amount"),
        (lambda f: f["accounts"][0].update(region="west"), "not_found", "/accounts/0/region"),
        (lambda f: f.update(calendar="hk"), "not_found", "/calendar"),
        (lambda f: f.update(as_of="2025-06-15"), "not_found", "/as_of"),
    ],
)
def test_bad_facts_name_the_json_pointer(policy, data, change, code, field):
    facts = json.loads((data / "report_facts.json").read_text("utf-8"))
    change(facts)
    with pytest.raises(crmrules.Error) as e:
        crmrules.monthly_report(policy, json.dumps(facts, ensure_ascii=False))
    assert (e.value.code, e.value.field) == (code, field)


def test_a_float_is_refused_before_the_document_is_read(policy, data):
    facts = json.loads((data / "report_facts.json").read_text("utf-8"))
    facts["target_turnover_days"] = 30.5
    with pytest.raises(TypeError, match="target_turnover_days"):
        crmrules.monthly_report(policy, facts)


def test_a_rendering_that_does_not_exist(policy, data):
    r = crmrules.monthly_report(policy, data / "report_facts.json")
    with pytest.raises(crmrules.Error) as e:
        r.render("pdf")
    assert e.value.field == "format"
    with pytest.raises(TypeError):
        r.render(wan="yes")
