// Copyright 2026 The hubperm Authors.
//
// Runs every case of the worlds in testdata/ as one gtest each (as cel-cpp's conformance tests do):
// each directory listed below is one world, all its .yaml files loaded together.

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "policy/cases/case_runner.h"
#include "absl/strings/str_join.h"
#include "policy/load/fixtures.h"
#include "policy/load/validate.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

// The worlds whose cases pin the spec: the founding scenario first, then one per spec section.
constexpr const char* kWorlds[] = {"testdata/founding", "testdata/spec", "testdata/assumptions",
                                   "testdata/regressions", "testdata/sequences",
                                   "testdata/rules2026"};

class CaseTest : public ::testing::Test {
 public:
  CaseTest(std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const Fixtures> fixtures, const Case* c)
      : snapshot_(std::move(snapshot)), fixtures_(std::move(fixtures)), case_(c) {}
  void TestBody() override {
    // --max-checks counts a case's checks without expanding them: the count must be what expands.
    EXPECT_EQ(ExpandCase(*case_).size(), CheckCount(*case_)) << case_->name.text;
    for (const CaseResult& r : RunCase(*snapshot_, fixtures_->world, *case_)) {
      EXPECT_TRUE(r.passed) << snapshot_->files().Format(r.pos) << ": " << r.name << ": " << r.failure << "\n"
                            << r.explanation;
    }
  }

 private:
  std::shared_ptr<const Snapshot> snapshot_;
  std::shared_ptr<const Fixtures> fixtures_;
  const Case* case_;
};

std::string TestName(const std::string& name) {
  std::string out;
  for (char ch : name) out.push_back(std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
  return out;
}

void RegisterWorld(const std::string& dir) {
  const std::vector<std::string> paths = YamlFilesIn(dir);
  auto fixtures = std::make_shared<Fixtures>(LoadFixtures(paths));
  const std::string suite = TestName(dir);
  if (paths.empty() || !fixtures->ok()) {
    std::string report = absl::StrJoin(fixtures->read_errors, "\n");
    report += fixtures->diagnostics.Render(fixtures->files);
    ::testing::RegisterTest(suite.c_str(), "Loads", nullptr, nullptr, __FILE__, __LINE__,
                            [report, dir]() -> ::testing::Test* {
                              struct Fail : ::testing::Test {
                                std::string message;
                                void TestBody() override { FAIL() << message; }
                              };
                              auto* t = new Fail;
                              t->message = "cannot load " + dir + ":\n" + report;
                              return t;
                            });
    return;
  }
  std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(fixtures->world, fixtures->files);
  for (const Case& c : fixtures->world.cases) {
    const Case* case_ptr = &c;  // kept alive by `fixtures`, which each test holds
    ::testing::RegisterTest(suite.c_str(), TestName(c.name.text).c_str(), nullptr,
                            snapshot->files().Format(c.name.pos).c_str(), __FILE__, __LINE__,
                            [snapshot, fixtures, case_ptr]() -> ::testing::Test* { return new CaseTest(snapshot, fixtures, case_ptr); });
  }
}

}  // namespace
}  // namespace hubperm

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (const char* dir : hubperm::kWorlds) hubperm::RegisterWorld(dir);
  return RUN_ALL_TESTS();
}
