#include <crm/approval/request.hpp>
#include <crm/contract/reasons.hpp>
#include <crm/contract/review.hpp>
#include <crm/core/error.hpp>
#include <crm/money/capital.hpp>
#include <crm/pricing/price.hpp>
#include <crm/time/period.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <type_traits>
#include <variant>

namespace crm::contract {

std::string_view to_string(Severity s) noexcept {
    switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::blocking: return "blocking";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, Severity s) { return os << to_string(s); }
std::ostream& operator<<(std::ostream& os, const Finding& f) { return os << f.severity << ' ' << f.reason; }

Severity Review::worst() const noexcept {
    Severity w = Severity::info;
    for (const Finding& f : findings) w = std::max(w, f.severity);
    return w;
}

const Finding* Review::find(std::string_view code) const noexcept {
    for (const Finding& f : findings)
        if (f.code() == code) return &f;
    return nullptr;
}

std::size_t Review::count(std::string_view code) const noexcept {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.code() == code; }));
}

Days nominal_days(const terms::DueRule& rule) noexcept {
    return std::visit(
        [](const auto& r) -> Days {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, terms::NetDays>) {
                return r.days;
            } else if constexpr (std::is_same_v<T, terms::MonthEnd>) {
                return r.days + Days{15};
            } else {
                return Days{30 * static_cast<std::int64_t>(r.months_after) +
                            static_cast<std::int64_t>(r.day) - 15};
            }
        },
        rule);
}

Days payment_days(const terms::PaymentTerms& terms) {
    terms.validate();
    Days longest{0};
    for (const terms::Instalment& i : terms.instalments) longest = std::max(longest, nominal_days(i.due));
    return longest;
}

Decimal average_days_to_payment(const terms::PaymentTerms& terms) {
    terms.validate();
    Decimal sum;
    for (const terms::Instalment& i : terms.instalments)
        sum += i.share.rate().value() * Decimal{nominal_days(i.due).count()};
    return sum;
}

Money expected_receivables(const Money& annual_revenue, const Decimal& average_days, RoundingMode mode) {
    const Decimal exact_numerator = annual_revenue.amount() * average_days;
    return Money{divide(exact_numerator, Decimal{365}, annual_revenue.currency().minor_units(), mode),
                 annual_revenue.currency()};
}

namespace {

Outcome outcome_of(Severity s) noexcept {
    switch (s) {
    case Severity::info: return Outcome::allow;
    case Severity::warning: return Outcome::warn;
    case Severity::blocking: return Outcome::block;
    }
    return Outcome::allow;
}

Finding finding(Severity s, const ReasonText& text) {
    return Finding{.severity = s, .reason = Reason{text, outcome_of(s)}};
}

std::string price_field(std::size_t i, const std::string& inner) {
    std::string f = "agreement.prices[" + std::to_string(i) + "]";
    constexpr std::string_view prefix = "line.";
    if (inner.starts_with(prefix)) return f + "." + inner.substr(prefix.size());
    return f + ".product";  // as_of: no entry of the product valid when the agreement starts
}

void check_prices(const Agreement& a, const ReviewContext& ctx, std::vector<Finding>& out) {
    if (a.prices.empty()) return;
    const RoleId signer_role = ctx.org.person(a.signer, "agreement.signer").role;
    const pricing::AuthorityRow* signer_row = nullptr;
    for (const pricing::AuthorityRow& r : ctx.authority.rows)
        if (r.role == signer_role) signer_row = &r;
    const pricing::PricingContext customer{
        .account = a.account, .tier = a.tier, .segment = a.segment, .region = a.region, .budgets = {}};
    for (std::size_t i = 0; i < a.prices.size(); ++i) {
        const AgreedPrice& p = a.prices[i];
        pricing::PricedLine line;
        try {
            line = pricing::price(
                ctx.book,
                pricing::QuoteLine{
                    .product = p.product, .unit = p.unit, .currency = a.currency, .quantity = Decimal{1}},
                customer, a.starts);
        } catch (const Error& e) {
            throw Error(e.code(), price_field(i, e.field()), e.message());
        }
        const Money agreed{p.price, a.currency};
        if (line.floor && agreed < *line.floor) {
            Finding f = finding(Severity::blocking, reasons::price_below_floor);
            f.reason.with("product", p.product.value()).with("price", agreed).with("floor", *line.floor);
            out.push_back(std::move(f));
        }
        // authority: the agreed price as the line's final unit price
        pricing::PricedLine at_agreed = line;
        at_agreed.unit_price = agreed;
        const pricing::AuthorityNeeded needed = pricing::authority_needed(at_agreed, ctx.authority);
        const bool signer_covers = signer_row != nullptr && needed.role && needed.rank <= signer_row->rank;
        if (!signer_covers) {
            Finding f =
                finding(needed.role ? Severity::warning : Severity::blocking, reasons::beyond_authority);
            f.reason.with("product", p.product.value())
                .with("price", agreed)
                .with("discount", needed.discount_off_list)
                .with("list", line.list_price)
                .with("signer_role", role_display_name(ctx.org.roles(), signer_role, Lang::en))
                .with("signer_role_zh", role_display_name(ctx.org.roles(), signer_role, Lang::zh))
                .with("role", needed.role ? role_display_name(ctx.org.roles(), *needed.role, Lang::en)
                                          : std::string{"no role"})
                .with("role_zh", needed.role ? role_display_name(ctx.org.roles(), *needed.role, Lang::zh)
                                             : std::string{"无"});
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

Review review(const Agreement& a, const ReviewContext& ctx) {
    a.validate();
    ctx.credit_policy.validate();
    ctx.credit_profile.validate();
    if (ctx.credit_profile.account != a.account)
        throw Error(ErrorCode::not_found, "agreement.account",
                    "no credit profile for the agreement's account");
    if (ctx.credit_profile.currency() != a.currency)
        throw Error(ErrorCode::currency_mismatch, "agreement.currency",
                    "the credit profile is in another currency");
    (void)ctx.org.person(a.signer, "agreement.signer");
    if (ctx.policy.max_payment_days.count() < 0)
        throw Error(ErrorCode::invalid_argument, "policy.max_payment_days", "must not be negative");
    if (ctx.policy.max_term_months < 1)
        throw Error(ErrorCode::invalid_argument, "policy.max_term_months", "at least one month");

    Review out;
    // 1. prices: floor and authority
    check_prices(a, ctx, out.findings);

    // 2. payment terms against policy
    const Days days = payment_days(a.payment_terms);
    if (days > ctx.policy.max_payment_days) {
        Finding f = finding(Severity::warning, reasons::terms_too_long);
        f.reason.with("terms", a.payment_terms.name)
            .with("days", days)
            .with("max_days", ctx.policy.max_payment_days);
        out.findings.push_back(std::move(f));
    }

    // 3. credit: expected receivables against the limit granted
    const Money revenue = a.committed_revenue();
    out.average_days_to_payment = average_days_to_payment(a.payment_terms);
    out.expected_receivables =
        expected_receivables(revenue, out.average_days_to_payment, ctx.policy.receivables_rounding);
    if (out.expected_receivables > a.credit_limit) {
        const Money excess = out.expected_receivables - a.credit_limit;
        const credit::OverLimitTolerance& tol = ctx.credit_policy.tolerance;
        std::optional<Money> allowed;
        if (tol.amount) {
            if (tol.amount->currency() != a.currency)
                throw Error(ErrorCode::currency_mismatch, "credit_policy.tolerance.amount",
                            "not in the agreement's currency");
            allowed = *tol.amount;
        }
        if (tol.percent) {
            const Money by_percent = a.credit_limit * *tol.percent;
            if (!allowed)
                allowed = by_percent;
            else
                allowed = tol.rule == credit::ToleranceRule::smaller ? std::min(*allowed, by_percent)
                                                                     : std::max(*allowed, by_percent);
        }
        const bool within = allowed && excess <= *allowed;
        Finding f = finding(within ? Severity::warning : Severity::blocking, reasons::credit_insufficient);
        f.reason.with("revenue", revenue)
            .with("average_days", out.average_days_to_payment)
            .with("receivables", out.expected_receivables)
            .with("limit", a.credit_limit)
            .with("excess", excess);
        out.findings.push_back(std::move(f));
    }

    // 4. overlapping active agreements of the account
    for (const Agreement& o : ctx.other_agreements) {
        if (o.account != a.account || o.id == a.id || o.state != State::active) continue;
        if (o.ends < a.starts || a.ends < o.starts) continue;
        for (const Commitment& c : a.commitments) {
            const bool shared = std::any_of(o.commitments.begin(), o.commitments.end(),
                                            [&](const Commitment& oc) { return oc.group == c.group; });
            if (!shared) continue;
            Finding f = finding(Severity::blocking, reasons::overlap);
            f.reason.with("group", c.group.value())
                .with("other", o.id.value())
                .with("other_starts", o.starts)
                .with("other_ends", o.ends);
            out.findings.push_back(std::move(f));
        }
    }

    // 5. mandatory clauses
    for (const std::string& clause : ctx.policy.mandatory_clauses) {
        if (std::find(a.clauses.begin(), a.clauses.end(), clause) != a.clauses.end()) continue;
        Finding f = finding(Severity::blocking, reasons::missing_term);
        f.reason.with("term", clause);
        out.findings.push_back(std::move(f));
    }

    // 6. the agreement's term
    const Date limit = add_months(a.starts, ctx.policy.max_term_months);
    if (a.ends >= limit) {
        Finding f = finding(Severity::warning, reasons::term_too_long);
        f.reason.with("starts", a.starts)
            .with("ends", a.ends)
            .with("max_months", std::int64_t{ctx.policy.max_term_months})
            .with("latest_end", limit - Days{1});
        out.findings.push_back(std::move(f));
    }

    // 7. rebate rates rising with volume
    if (a.rebate) {
        const auto& tiers = a.rebate->tiers;
        for (std::size_t i = 1; i < tiers.size(); ++i) {
            if (tiers[i].rate >= tiers[i - 1].rate) continue;
            Finding f = finding(Severity::warning, reasons::rebate_not_monotone);
            f.reason.with("tier", static_cast<std::int64_t>(i + 1))
                .with("from", tiers[i].from)
                .with("rate", tiers[i].rate)
                .with("previous_rate", tiers[i - 1].rate);
            out.findings.push_back(std::move(f));
        }
    }

    // 8. the amount in words against the figures
    if (a.amount_in_words) {
        std::string expected;  // the committed revenue as the rules write it, where it has a capital form
        if (a.currency == Currency{"CNY"} && revenue <= max_capital_amount())
            expected = to_capital(round(revenue, RoundingMode::half_up));
        try {
            const Money stated = parse_capital(*a.amount_in_words, "agreement.amount_in_words");
            if (stated.currency() != revenue.currency() || stated != revenue) {
                Finding f = finding(Severity::blocking, reasons::amount_in_words_mismatch);
                f.reason.with("in_words", *a.amount_in_words)
                    .with("stated", stated)
                    .with("committed", revenue)
                    .with("expected", expected);
                out.findings.push_back(std::move(f));
            }
        } catch (const Error& e) {
            if (e.code() != ErrorCode::parse_error) throw;
            Finding f = finding(Severity::blocking, reasons::amount_in_words_unreadable);
            f.reason.with("in_words", *a.amount_in_words)
                .with("committed", revenue)
                .with("expected", expected);
            out.findings.push_back(std::move(f));
        }
    }

    // 9. the approval route
    const approval::Request request{
        .id = RequestId{a.id.value() + "/v" + std::to_string(a.version)},
        .kind = approval::RequestKind::contract,
        .requester = a.signer,
        .segment = a.segment,
        .region = a.region,
        .product_line = {},
        .amount = revenue,
        .percent = {},
        .days = a.term_days(),
        .content = "agreement:" + a.id.value() + ":v" + std::to_string(a.version),
    };
    try {
        out.route = approval::route(ctx.matrix, request, ctx.org);
    } catch (const Error& e) {
        if (e.field() == "request.amount") throw Error(e.code(), "agreement.currency", e.message());
        if (e.field() == "request.requester") throw Error(e.code(), "agreement.signer", e.message());
        throw;
    }
    if (out.route.needs_approval()) {
        Finding f = finding(Severity::info, reasons::approval_route);
        f.reason.with("steps", static_cast<std::int64_t>(out.route.steps.size()))
            .with("top_level",
                  role_display_name(ctx.org.roles(), out.route.steps.back().level.role, Lang::en))
            .with("top_level_zh",
                  role_display_name(ctx.org.roles(), out.route.steps.back().level.role, Lang::zh));
        out.findings.push_back(std::move(f));
    } else {
        out.findings.push_back(finding(Severity::info, reasons::approval_not_needed));
    }
    return out;
}

}  // namespace crm::contract
