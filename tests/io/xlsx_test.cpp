// Workbooks of the monthly report and of an aging table: written, opened as a zip (the .xlsx
// is one) by tests/io/check_xlsx.py, their sheet names and a cell's value checked; nothing left
// behind when the path cannot be written; a build without libxlsxwriter says so.

#include <crm/core/error.hpp>
#include <crm/io/xlsx.hpp>
#include <crm/report/monthly.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../report/snapshot.hpp"

#ifndef CRM_SOURCE_DIR
#define CRM_SOURCE_DIR "."
#endif

using crm::Lang;

namespace {

std::string check(const std::string& file, const std::string& sheets, int index, const std::string& cell,
                  const std::string& value) {
    const std::string script = std::string(CRM_SOURCE_DIR) + "/tests/io/check_xlsx.py";
    const std::string cmd = "python3 '" + script + "' '" + file + "' '" + sheets + "' " +
                            std::to_string(index) + " " + cell + " '" + value + "'";
    return std::system(cmd.c_str()) == 0 ? "ok" : "failed: " + cmd;
}

}  // namespace

TEST_SUITE("io.xlsx") {
    TEST_CASE("the report workbook has a sheet per section and exact amounts") {
        const auto r = crm::report::monthly_report(crm::test::company_snapshot());
        const auto dir = std::filesystem::temp_directory_path() / "crm_xlsx_test";
        std::filesystem::create_directories(dir);
        const std::string file = (dir / "report.xlsx").string();
        if (!crm::io::xlsx_supported()) {
            CHECK_THROWS_AS(crm::io::write_report_xlsx(r, Lang::en, file), crm::Error);
            return;
        }
        crm::io::write_report_xlsx(r, Lang::en, file);
        CHECK_FALSE(std::filesystem::exists(file + ".tmp"));
        // B2 of plan vs actual: east's sales plan of June, CNY 100,000; C2 its sales 50,000
        // (K1 10,000 + E2 40,000, tests/planning/company.hpp).
        const std::string sheets =
            "plan vs actual,aging,turnover and caps,approvals,complaints,KPI,forecast,expense,findings";
        CHECK(check(file, sheets, 1, "B2", "100000") == "ok");
        CHECK(check(file, sheets, 1, "C2", "50000") == "ok");
        // B5 of aging: the company's open receivables, 110,000.
        CHECK(check(file, sheets, 2, "B5", "110000") == "ok");
        // A path in a directory that does not exist: an Error naming the path, nothing written.
        const std::string bad = (dir / "no" / "such" / "r.xlsx").string();
        try {
            crm::io::write_report_xlsx(r, Lang::zh, bad);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.field() == "path");
        }
        CHECK_FALSE(std::filesystem::exists(bad));
        std::filesystem::remove_all(dir);
    }
}
