"""due_for_release and overdue_visits from Python: the account request of the command line
(tests/cli/data/accounts.json under policy.json, version 2025-v1), counted by hand as the CLI
tests count it, the as-of date given from Python, and bad input as crmrules.Error naming the
JSON Pointer."""

import datetime
import json

import pytest

import crmrules


@pytest.fixture(scope="module")
def policy(data):
    return crmrules.load_policy_set(data / "policy.json")


def test_two_of_four_accounts_return_to_the_pool(policy, data):
    # On 2025-03-01: ACC-B (B) 40 days since its follow-up on 2025-01-20, more than 30 (last day
    # 2025-02-19); ACC-D (B) 198 days since its deal on 2024-08-15, more than 180 (last day
    # 2025-02-11). ACC-A is A (exempt) and ACC-E has no owner.
    doc = crmrules.due_for_release(policy, data / "accounts.json", lang="en")
    assert doc["policy_version"] == "2025-v1"
    assert doc["accounts"] == 4
    released = {r["account"]: r for r in doc["releases"]}
    assert sorted(released) == ["ACC-B", "ACC-D"]
    b = released["ACC-B"]["no_follow_up"]
    assert (b["since"], b["limit"], b["deadline"], b["elapsed"], b["side"]) == (
        "2025-01-20", 30, "2025-02-19", 40, "exclusive")
    assert released["ACC-B"]["no_deal"] is None
    assert released["ACC-D"]["no_deal"]["elapsed"] == 198
    assert released["ACC-D"]["owner"] == "li"
    assert "more than" in released["ACC-B"]["reasons"][0]["text"]


def test_the_as_of_given_from_python_wins(policy, data):
    # On 2025-02-19 ACC-B has gone exactly 30 days without a follow-up, not more: kept; ACC-D's
    # deal is 188 days old: released.
    doc = crmrules.due_for_release(policy, data / "accounts.json", as_of=datetime.date(2025, 2, 19))
    assert [r["account"] for r in doc["releases"]] == ["ACC-D"]
    assert "超过" in doc["releases"][0]["reasons"][0]["text"]  # the request's language, zh


def test_three_of_four_visits_are_overdue(policy, data):
    # ACC-A last visited 2025-01-15, monthly: due 2025-02-15, 14 days overdue; ACC-D never, created
    # 2024-06-01, every two months: due 2024-08-01, 212 days; ACC-E 2024-12-01 + 2 months: 28 days.
    doc = crmrules.overdue_visits(policy, data / "accounts.json", lang="en")
    assert [(o["account"], o["due"], o["overdue_days"]) for o in doc["overdue"]] == [
        ("ACC-A", "2025-02-15", 14), ("ACC-D", "2024-08-01", 212), ("ACC-E", "2025-02-01", 28)]
    assert doc["overdue"][1]["last_visit"] is None


def test_a_dict_request_and_bad_input(policy, data):
    request = json.loads((data / "accounts.json").read_text("utf-8"))
    assert len(crmrules.due_for_release(policy, request)["releases"]) == 2
    request["accounts"][1]["tier"] = "Z"
    with pytest.raises(crmrules.Error) as e:
        crmrules.due_for_release(policy, request)
    assert (e.value.code, e.value.field) == ("not_found", "/accounts/1/tier")
    request = json.loads((data / "accounts.json").read_text("utf-8"))
    request["accounts"][0]["created"] = "2024-13-01"
    with pytest.raises(crmrules.Error) as e:
        crmrules.overdue_visits(policy, request)
    assert e.value.field == "/accounts/0/created"
    with pytest.raises(TypeError):
        crmrules.due_for_release(policy, data / "accounts.json", as_of="2025-03-01")
