// Copyright 2026 The hubperm Authors.
//
// Runs every case of the worlds in testdata/ as one gtest each (as cel-cpp's conformance tests do):
// each directory listed below is one world, all its .yaml files loaded together.

#include <dirent.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "policy/cases/case_runner.h"
#include "policy/load/validate.h"
#include "policy/load/world_loader.h"

namespace hubperm {
namespace {

// The worlds whose cases pin the spec: the founding scenario first, then one per spec section.
constexpr const char* kWorlds[] = {"testdata/founding", "testdata/spec"};

std::vector<std::string> YamlFiles(const std::string& dir) {
  std::vector<std::string> files;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") files.push_back(dir + "/" + name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

class CaseTest : public ::testing::Test {
 public:
  CaseTest(std::shared_ptr<const Snapshot> snapshot, const Case* c) : snapshot_(std::move(snapshot)), case_(c) {}
  void TestBody() override {
    for (const CaseResult& r : RunCase(*snapshot_, *case_)) {
      EXPECT_TRUE(r.passed) << snapshot_->files().Format(r.pos) << ": " << r.name << ": " << r.failure << "\n"
                            << r.explanation;
    }
  }

 private:
  std::shared_ptr<const Snapshot> snapshot_;
  const Case* case_;
};

std::string TestName(const std::string& name) {
  std::string out;
  for (char ch : name) out.push_back(std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
  return out;
}

void RegisterWorld(const std::string& dir) {
  auto files = std::make_shared<SourceFiles>();
  Diagnostics diagnostics;
  auto world = std::make_shared<World>();
  WorldLoader loader(files.get(), &diagnostics, world.get());
  std::vector<std::string> paths = YamlFiles(dir);
  bool readable = !paths.empty();
  for (const std::string& path : paths) readable = loader.AddPath(path).ok() && readable;
  ValidateWorld(*world, *files, &diagnostics);
  const std::string suite = TestName(dir);
  if (!readable || diagnostics.has_errors()) {
    const std::string report = diagnostics.Render(*files);
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
  std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(*world, *files);
  for (const Case& c : world->cases) {
    const Case* case_ptr = &c;
    ::testing::RegisterTest(suite.c_str(), TestName(c.name.text).c_str(), nullptr,
                            snapshot->files().Format(c.name.pos).c_str(), __FILE__, __LINE__,
                            [snapshot, world, case_ptr]() -> ::testing::Test* { return new CaseTest(snapshot, case_ptr); });
  }
}

}  // namespace
}  // namespace hubperm

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (const char* dir : hubperm::kWorlds) hubperm::RegisterWorld(dir);
  return RUN_ALL_TESTS();
}
