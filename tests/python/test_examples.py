"""The ERP recipes of examples/python, run against stubs of the few pieces of the Odoo and
Frappe APIs they touch (neither ERP is installed), and the example of docs/python.md."""

import datetime
import importlib
import pathlib
import re
import sys
import types
from decimal import Decimal

import pytest

SOURCE = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = SOURCE / "examples" / "python"
POLICY = SOURCE / "tests" / "cli" / "data" / "policy.json"


class Record(types.SimpleNamespace):
    """An Odoo record or a Frappe row: attribute access, and .get for Frappe."""

    def get(self, name, default=None):
        return getattr(self, name, default)


def load_recipe(name, stubs, monkeypatch):
    for mod_name, mod in stubs.items():
        monkeypatch.setitem(sys.modules, mod_name, mod)
    monkeypatch.syspath_prepend(str(EXAMPLES))
    monkeypatch.delitem(sys.modules, name, raising=False)
    return importlib.import_module(name)


# ---- Odoo ------------------------------------------------------------------------------------


class UserError(Exception):
    pass


def odoo_stubs():
    odoo = types.ModuleType("odoo")
    models = types.ModuleType("odoo.models")
    exceptions = types.ModuleType("odoo.exceptions")

    class Model:
        def __iter__(self):  # a recordset of one record iterates over itself
            yield self

        def action_confirm(self):
            self.state = "sale"
            return True

    models.Model = Model
    exceptions.UserError = UserError
    odoo.models = models
    odoo.exceptions = exceptions
    odoo._ = lambda text: text
    return {"odoo": odoo, "odoo.models": models, "odoo.exceptions": exceptions}


CNY = Record(name="CNY", decimal_places=2)


def odoo_order(recipe, amount_total):
    # The customer of tests/cli/data/account.json: limit 1,000,000, tier B, one open item of
    # 400,000 due 2025-03-14 and another confirmed order of 100,000 not yet invoiced.
    partner = Record(id=7, ref="A-1", credit_limit=1_000_000.0, x_crm_tier="B", x_crm_segment="经销商")
    partner.commercial_partner_id = partner
    line = Record(move_name="INV-1", date=datetime.date(2025, 2, 12), date_maturity=datetime.date(2025, 3, 14),
                  amount_residual=400_000.0, currency_id=CNY)
    other = Record(name="SO-0", amount_total=100_000.0, currency_id=CNY)

    class Model:
        def __init__(self, rows):
            self.rows = rows

        def search(self, domain):
            return self.rows

        def sudo(self):
            return self

        def get_param(self, key):
            assert key == "crmrules.policy_path"
            return str(POLICY)

    env = {"account.move.line": Model([line]), "sale.order": Model([other]), "ir.config_parameter": Model([])}
    order = recipe.SaleOrder()
    order.__dict__.update(id=8, name="SO-1", partner_id=partner, currency_id=CNY, amount_total=amount_total,
                          date_order=datetime.datetime(2025, 3, 1, 10, 30), env=env, state="draft", messages=[])
    order.message_post = lambda body: order.messages.append(body)
    return order


def test_odoo_confirms_a_small_order(monkeypatch):
    recipe = load_recipe("odoo_sale_order_credit", odoo_stubs(), monkeypatch)
    order = odoo_order(recipe, 100_000.0)  # exposure 600,000: 60%
    assert order.action_confirm() is True
    assert order.state == "sale" and order.messages == []


def test_odoo_confirms_with_a_warning_in_the_chatter(monkeypatch):
    recipe = load_recipe("odoo_sale_order_credit", odoo_stubs(), monkeypatch)
    order = odoo_order(recipe, 420_000.0)  # exposure 920,000: 92% >= 90%
    order.action_confirm()
    assert order.state == "sale"
    assert order.messages == ["警告\n- 信用额度 CNY 1,000,000.00 使用率 92.00%，达到 90% 以上；可用额度 CNY 80,000.00"]


def test_odoo_refuses_an_order_over_the_tolerance_in_chinese(monkeypatch):
    recipe = load_recipe("odoo_sale_order_credit", odoo_stubs(), monkeypatch)
    order = odoo_order(recipe, 700_000.0)  # exposure 1,200,000: 200,000 over, tolerance 100,000
    with pytest.raises(UserError) as info:
        order.action_confirm()
    assert order.state == "draft"
    text = str(info.value)
    assert text.startswith("信用检查未通过：\n拒绝\n")
    assert "信用敞口 CNY 1,200,000.00 超过信用额度 CNY 1,000,000.00" in text


def test_odoo_float_amounts_become_exact_decimals(monkeypatch):
    recipe = load_recipe("odoo_sale_order_credit", odoo_stubs(), monkeypatch)
    assert recipe.erp_amount(0.1 + 0.2, CNY).amount == Decimal("0.30")
    assert recipe.erp_amount(1234567.89, CNY).amount == Decimal("1234567.89")


# ---- ERPNext ---------------------------------------------------------------------------------


class ValidationError(Exception):
    pass


def frappe_stub(messages):
    frappe = types.ModuleType("frappe")
    utils = types.ModuleType("frappe.utils")
    utils.getdate = lambda v: v if isinstance(v, datetime.date) else datetime.date.fromisoformat(v)
    frappe.utils = utils
    frappe.conf = {"crmrules_policy_path": str(POLICY)}
    frappe.ValidationError = ValidationError
    customer = Record(customer_group="经销商", crm_tier="B", credit_limits=[Record(company="华东机电", credit_limit=1_000_000.0)])
    frappe.get_cached_doc = lambda doctype, name: customer
    rows = {
        "Sales Invoice": [Record(name="ACC-SINV-1", posting_date=datetime.date(2025, 2, 12), due_date=datetime.date(2025, 3, 14),
                                 outstanding_amount=400_000.0, currency="CNY")],
        "Sales Order": [Record(name="SAL-ORD-0", grand_total=100_000.0, currency="CNY")],
    }
    frappe.get_all = lambda doctype, filters=None, fields=None: rows[doctype]

    def throw(msg, title=None):
        raise ValidationError(msg)

    frappe.throw = throw
    frappe.msgprint = lambda msg, title=None: messages.append((title, msg))
    return {"frappe": frappe, "frappe.utils": utils}


def sales_order(total):
    return Record(name="SAL-ORD-1", customer="A-1", company="华东机电", currency="CNY", grand_total=total,
                  transaction_date="2025-03-01")


def test_erpnext_validate(monkeypatch):
    messages = []
    recipe = load_recipe("erpnext_sales_order_credit", frappe_stub(messages), monkeypatch)
    recipe.validate(sales_order(100_000.0))  # allow: silent
    assert messages == []
    recipe.validate(sales_order(420_000.0))  # warn: a message, the save goes on
    assert messages == [("信用提示", "警告<br>- 信用额度 CNY 1,000,000.00 使用率 92.00%，达到 90% 以上；可用额度 CNY 80,000.00")]
    with pytest.raises(ValidationError, match="^需审批<br>- 信用敞口 CNY 1,050,000.00 超过信用额度"):
        recipe.validate(sales_order(550_000.0))  # 50,000 over the limit: needs approval stops the save
    with pytest.raises(ValidationError, match="^拒绝<br>"):
        recipe.validate(sales_order(700_000.0))


# ---- docs/python.md --------------------------------------------------------------------------


def test_the_example_of_docs_python_md_runs(capsys):
    text = (SOURCE / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "docs/python.md has no python example"
    exec(compile(blocks[0], "docs/python.md", "exec"), {"__name__": "__docs__"})
    out = capsys.readouterr().out
    expected = re.search(r"```text\n(.*?)```", text, re.S).group(1)
    assert out == expected


# ---- examples/python/spark_aging.py ----------------------------------------------------------


def test_spark_example_batch_functions_combine_to_the_whole(monkeypatch):
    # PySpark is not installed here: the batch functions mapInArrow would call run on pyarrow
    # batches of a generated ledger, and their combined rows must be crmrules' answer on the
    # whole table, exactly.
    spark_aging = load_recipe("spark_aging", {}, monkeypatch)
    import crmrules

    as_of = datetime.date(2025, 3, 31)
    whole = spark_aging.generated_ledger(5_000, as_of, seed=7)
    batches = whole.to_batches(max_chunksize=700)
    assert len(batches) > 1
    aging_rows = [r for b in spark_aging.aging_batches(iter(batches), as_of, "CNY") for r in b.to_pylist()]
    exposure_rows = [r for b in spark_aging.exposure_batches(iter(batches), "CNY") for r in b.to_pylist()]
    assert all(isinstance(r["amount"], str) for r in aging_rows)  # decimal strings, never doubles
    assert spark_aging.combine_aging_rows(aging_rows, as_of, "CNY") == crmrules.aging_arrow(whole, as_of, currency="CNY")
    exposure = spark_aging.combine_exposure_rows(exposure_rows, "CNY")
    assert exposure == crmrules.open_by_account_arrow(whole, currency="CNY")
