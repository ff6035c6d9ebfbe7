// The fact readers and writers shared by several request documents (json_codec.hpp, "facts"):
// timestamps, working hours and complaints. Each mirrors its C++ value member for member.

#include <crm/account/complaint.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/time_of_day.hpp>

#include <array>
#include <string>

#include "json_codec.hpp"

namespace crm::io::codec {

namespace {

constexpr std::array severities{account::Severity::low, account::Severity::medium, account::Severity::high,
                                account::Severity::critical};

}  // namespace

DateTime date_time(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return DateTime::parse(s); });
}

Json w(const DateTime& t) { return t.to_string(); }

WorkingHours working_hours(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return WorkingHours::parse(s); });
}

account::Severity severity(const In& in) { return enumerated(in, severities); }

account::Complaint complaint(const In& in) {
    Obj o(in);
    account::Complaint c;
    c.id = id<ComplaintId>(o.req("id"));
    c.account = id<AccountId>(o.req("account"));
    c.tier = text(o.req("tier"));
    c.severity = severity(o.req("severity"));
    c.received = date_time(o.req("received"));
    nullable(o, "responded", c.responded, date_time);
    nullable(o, "resolved", c.resolved, date_time);
    o.done();
    return c;
}

Json w_complaint(const account::Complaint& c) {
    return Json{{"id", w(c.id)},
                {"account", w(c.account)},
                {"tier", c.tier},
                {"severity", w_enum(c.severity)},
                {"received", w(c.received)},
                {"responded", c.responded ? w(*c.responded) : Json(nullptr)},
                {"resolved", c.resolved ? w(*c.resolved) : Json(nullptr)}};
}

}  // namespace crm::io::codec
