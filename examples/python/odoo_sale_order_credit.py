"""Recipe: a credit check when a salesperson confirms a quotation in Odoo (sale.order).

An Odoo addon would ship this file in its models/ folder. On "Confirm" the override builds
the customer's credit facts from Odoo's records, asks crmrules, and
- on block or needs_approval: refuses the confirmation with the reasons in Chinese
  (UserError shows them to the salesperson in a dialog);
- on warn: confirms, and posts the reasons to the order's chatter;
- on allow: confirms.

The policy set is the JSON document of the crm command line, its path in the system
parameter crmrules.policy_path, read once per path.

Odoo hands amounts over as Python floats (its Monetary fields). They are turned into exact
Decimals once, here at the ERP's edge, rounded to the currency's decimal places as Odoo itself
stores them (a PostgreSQL numeric); from then on nothing is a float.
"""

import functools
from decimal import Decimal

from odoo import _, models
from odoo.exceptions import UserError

import crmrules
from crmrules import Money, Outcome


def erp_amount(value, currency):
    """An Odoo Monetary value (a float) as Money, at the currency's decimal places.

    The ERP stores the amount with that many places, so the float is the double nearest to
    it and formatting it to those places gives that decimal back exactly.
    """
    return Money(Decimal(f"{value:.{currency.decimal_places}f}"), currency.name)


@functools.lru_cache(maxsize=4)
def policy_set(path):
    return crmrules.load_policy_set(path)


def credit_account(order):
    """The credit account document of the order's customer, from Odoo's records."""
    partner = order.partner_id.commercial_partner_id
    env = order.env
    lines = env["account.move.line"].search(
        [
            ("partner_id", "=", partner.id),
            ("account_id.account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
            ("parent_state", "=", "posted"),
        ]
    )
    others = env["sale.order"].search(
        [("partner_id", "=", partner.id), ("state", "=", "sale"), ("invoice_status", "!=", "invoiced"), ("id", "!=", order.id)]
    )
    return {
        "profile": {
            "account": partner.ref or str(partner.id),
            "limit": erp_amount(partner.credit_limit, order.currency_id),
        },
        "tier": partner.x_crm_tier or "",
        "segment": partner.x_crm_segment or "",
        "receivables": [
            {
                "invoice": line.move_name,
                "account": partner.ref or str(partner.id),
                "invoiced_on": line.date,
                "due_on": line.date_maturity or line.date,
                "open_amount": erp_amount(line.amount_residual, line.currency_id),
            }
            for line in lines
        ],
        "open_orders": [{"id": o.name, "amount": erp_amount(o.amount_total, o.currency_id)} for o in others],
    }


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        path = self.env["ir.config_parameter"].sudo().get_param("crmrules.policy_path")
        for order in self:
            decision = crmrules.check_order(
                policy_set(path),
                credit_account(order),
                {"id": order.name, "amount": erp_amount(order.amount_total, order.currency_id)},
                order.date_order.date(),
            )
            if decision.outcome in (Outcome.block, Outcome.needs_approval):
                raise UserError(_("信用检查未通过：\n%s") % decision.explain("zh"))
            if decision.outcome == Outcome.warn:
                order.message_post(body=decision.explain("zh"))
        return super().action_confirm()
