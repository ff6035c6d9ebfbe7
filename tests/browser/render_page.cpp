// Writes the HTML page of the monthly report of tests/report/snapshot.hpp's company to argv[1]
// (zh, or en with a second argument "en"), for the headless Chromium test (check_page.py).

#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>

#include <fstream>
#include <iostream>
#include <string>

#include "../report/snapshot.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: crm_render_page FILE [en]\n";
        return 2;
    }
    const crm::Lang lang = argc > 2 && std::string(argv[2]) == "en" ? crm::Lang::en : crm::Lang::zh;
    const auto report = crm::report::monthly_report(crm::test::company_snapshot());
    std::ofstream(argv[1], std::ios::binary)
        << crm::report::render(report, lang, crm::report::Format::html, {});
    return 0;
}
