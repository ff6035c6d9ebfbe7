"""Recipe: a credit check in ERPNext's `validate` hook of a Sales Order.

A Frappe app registers it in hooks.py:

    doc_events = {"Sales Order": {"validate": "crm_credit.credit.validate"}}

On every save of a Sales Order (draft or submit) the hook gathers the customer's outstanding
Sales Invoices and its other open orders, asks crmrules, and
- on block or needs_approval: stops the save with frappe.throw, the reasons in Chinese;
- on warn: lets it through and shows the reasons with frappe.msgprint;
- on allow: says nothing.

The policy set is the crm command line's JSON document, at the path in the site config key
crmrules_policy_path. ERPNext's currency fields are Python floats: each becomes an exact
Decimal once, here, at the currency's precision; nothing after that is a float.
"""

import functools
from decimal import Decimal

import frappe

import crmrules
from crmrules import Money, Outcome


def erp_amount(value, currency, precision=2):
    """An ERPNext Currency field (a float) as Money at the currency's precision.

    The ERP stores the amount with that many places, so the float is the double nearest to
    it and formatting it to those places gives that decimal back exactly.
    """
    return Money(Decimal(f"{value:.{precision}f}"), currency)


@functools.lru_cache(maxsize=4)
def policy_set(path):
    return crmrules.load_policy_set(path)


def credit_account(doc):
    customer = frappe.get_cached_doc("Customer", doc.customer)
    invoices = frappe.get_all(
        "Sales Invoice",
        filters={"customer": doc.customer, "docstatus": 1, "outstanding_amount": [">", 0]},
        fields=["name", "posting_date", "due_date", "outstanding_amount", "currency"],
    )
    orders = frappe.get_all(
        "Sales Order",
        filters={"customer": doc.customer, "docstatus": 1, "per_billed": ["<", 100], "name": ["!=", doc.name]},
        fields=["name", "grand_total", "currency"],
    )
    limit = next((row.credit_limit for row in customer.credit_limits if row.company == doc.company), 0)
    return {
        "profile": {"account": doc.customer, "limit": erp_amount(limit, doc.currency)},
        "tier": customer.get("crm_tier") or "",
        "segment": customer.customer_group or "",
        "receivables": [
            {
                "invoice": inv.name,
                "account": doc.customer,
                "invoiced_on": inv.posting_date,
                "due_on": inv.due_date,
                "open_amount": erp_amount(inv.outstanding_amount, inv.currency),
            }
            for inv in invoices
        ],
        "open_orders": [{"id": so.name, "amount": erp_amount(so.grand_total, so.currency)} for so in orders],
    }


def validate(doc, method=None):
    decision = crmrules.check_order(
        policy_set(frappe.conf.get("crmrules_policy_path")),
        credit_account(doc),
        {"id": doc.name, "amount": erp_amount(doc.grand_total, doc.currency)},
        frappe.utils.getdate(doc.transaction_date),
    )
    if decision.outcome in (Outcome.block, Outcome.needs_approval):
        frappe.throw(decision.explain("zh").replace("\n", "<br>"), title="信用检查未通过")
    elif decision.outcome == Outcome.warn:
        frappe.msgprint(decision.explain("zh").replace("\n", "<br>"), title="信用提示")
