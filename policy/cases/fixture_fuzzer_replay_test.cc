// Copyright 2026 The hubperm Authors.
//
// Replays the fixture fuzzer's seed corpus (every fixture in testdata/, valid and broken) and a set of
// hostile inputs through LLVMFuzzerTestOneInput, in the normal and the asan builds. The target aborts
// on a violated invariant; a sanitizer aborts on memory or undefined-behaviour errors.

#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "testdata/fixture_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int Fuzz(const std::string& input) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

TEST(FixtureFuzzer, ReplaysTheSeedCorpus) {
  const std::vector<std::string> paths = hubperm::YamlFilesIn("testdata", hubperm::Descend::kYes);
  ASSERT_GE(paths.size(), 10u) << "the seed corpus is testdata/**/*.yaml";
  for (const std::string& path : paths) {
    const std::string whole = hubperm::ReadFileOrEmpty(path);
    ASSERT_FALSE(whole.empty()) << path;
    EXPECT_EQ(Fuzz(whole), 0) << path;
    // Truncated copies, as an interrupted write or pipe leaves them: cut at each line's end and middle.
    size_t line_start = 0;
    for (size_t end = whole.find('\n'); end != std::string::npos; end = whole.find('\n', end + 1)) {
      for (size_t cut : {(line_start + end) / 2, end}) {
        EXPECT_EQ(Fuzz(whole.substr(0, cut)), 0) << path << " cut at byte " << cut;
      }
      line_start = end + 1;
    }
  }
}

TEST(FixtureFuzzer, SurvivesHostileInputs) {
  std::string huge = "users:\n";
  for (int i = 0; i < 100000; ++i) huge += "  - u" + std::to_string(i) + "\n";
  std::string many_repos = "users: [a]\nrepos:\n";
  for (int i = 0; i < 20000; ++i) many_repos += "  - {id: a/r" + std::to_string(i) + ", private: true}\n";
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  // The classes of docs/limits.md at the fuzzer's input size (64 KB): errors on one long line, an error
  // on every line, a product of tokens and repos.
  std::string one_line = "users: [";
  while (one_line.size() < 65000) one_line += "bad_name_" + std::to_string(one_line.size()) + ", ";
  one_line += "]\n";
  std::string every_line = "users:\n";
  while (every_line.size() < 65000) every_line += "  - bad_" + std::to_string(every_line.size()) + "\n";
  std::string product = "users: [alice]\ntokens:\n  - {name: t, owner: alice, role: read}\ncases:\n  - {name: p, tokens: [";
  for (int i = 0; i < 2000; ++i) product += (i ? ", t" : "t");
  product += "], repos: [";
  for (int i = 0; i < 2000; ++i) product += (i ? ", a/m" : "a/m") + std::to_string(i);
  product += "], operation: repo_info, expect: allow}\n";
  const std::vector<std::string> inputs = {
      one_line,
      every_line,
      product,
      "",
      "\n\n\n",
      std::string("\0", 1),
      "\xFF\xFE\xFD",
      "users: [\xC3]\n",
      "\xEF\xBB\xBF",
      std::string(200000, '['),
      std::string(100000, '{'),
      std::string(5000, '[') + std::string(5000, ']'),
      [] {
        std::string s;
        for (int i = 0; i < 3000; ++i) s += std::string(i, ' ') + "k:\n";
        return s;
      }(),
      huge,
      many_repos,
      bomb,
      "users: [a, a, a]\nusers: [b]\norgs: []\norgs: {}\n",
      "repos:\n  - id: a/b\n    id: a/c\n    type: model\n    type: space\n",
      "--- \n...\n--- \nusers: [a]\n",
      "users: !!set {a, b}\n",
      "tokens:\n  - {name: t, owner: x, role: fineGrained, scoped: [{entity: {type: model, name: a/b}, "
      "permissions: [repo.write, made.up]}]}\n",
      "cases:\n  - {name: c, token: t, http: 'GET /api/models/%ZZ/%', expect: deny}\n",
  };
  for (const std::string& input : inputs) {
    EXPECT_EQ(Fuzz(input), 0) << input.substr(0, 80);
  }
}

}  // namespace
