// Copyright 2026 The hubperm Authors.
//
// policy/load/fixtures.h: the one entry point for loading a run's fixtures: read every file, merge
// them into one World, validate it, and keep every problem.
//
// It composes WorldLoader (shape, per file) and ValidateWorld (the whole world); everything that loads
// fixtures (the CLI, the case tests, the fuzzer) goes through it.
//
//   Fixtures fixtures = LoadFixtures({"testdata/founding/world.yaml"});
//   for (const std::string& e : fixtures.read_errors) std::cerr << e << "\n";
//   std::cerr << fixtures.diagnostics.Render(fixtures.files);
//   if (fixtures.ok()) auto snapshot = Snapshot::Compile(fixtures.world, std::move(fixtures.files));

#ifndef HUBPERM_POLICY_LOAD_FIXTURES_H_
#define HUBPERM_POLICY_LOAD_FIXTURES_H_

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/common/style.h"
#include "policy/model/world.h"

namespace hubperm {

struct Fixtures {
  SourceFiles files;
  Diagnostics diagnostics;
  World world;
  // One message per file that could not be read at all ("cannot read 'x.yaml'"); its content is then
  // absent from `world`, and the rest is still loaded and validated.
  std::vector<std::string> read_errors;

  // Whether the world may be compiled: every file was read, and there is no error (warnings are fine).
  bool ok() const { return read_errors.empty() && !diagnostics.has_errors(); }
  // The errors: one per unreadable file, and every error diagnostic.
  int error_count() const { return static_cast<int>(read_errors.size()) + diagnostics.error_count(); }
  // Every problem as text for stderr: "hubperm: error: cannot read ..." per unreadable file, then the
  // diagnostics (file:line:col: message, the source line and a caret).
  std::string RenderIssues(const Style& style = Style::Plain()) const;
  // The same as JSON (`hubperm validate --format json`, schema hubperm.validate/v1): the files as
  // given, the counts, and every issue in the order RenderIssues lists them.
  std::string RenderIssuesJson(const std::vector<std::string>& paths) const;
};

// What Fixtures::RenderIssues and RenderIssuesJson render, for issues kept apart from their Fixtures
// (policy/hubperm.h's LoadResult). PrintLoadIssues writes the same to `out` as it goes.
void PrintLoadIssues(const SourceFiles& files, const Diagnostics& diagnostics,
                     const std::vector<std::string>& read_errors, const Style& style, std::ostream& out);
std::string RenderLoadIssues(const SourceFiles& files, const Diagnostics& diagnostics,
                             const std::vector<std::string>& read_errors, const Style& style = Style::Plain());
std::string RenderLoadIssuesJson(const SourceFiles& files, const Diagnostics& diagnostics,
                                 const std::vector<std::string>& read_errors, const std::vector<std::string>& paths);

// The checks every case of a world may expand to by default (`--max-checks`).
inline constexpr int kDefaultMaxChecks = 100000;

// How a load is bounded (docs/limits.md); the defaults suit every world hubperm was tried on.
struct LoadOptions {
  // The issues kept and printed per file (`--max-issues`); the others are counted.
  int max_issues_per_file = kDefaultMaxIssuesPerFile;
  // The checks the cases may expand to, all together (`--max-checks`): `tokens:` times `repos:` grows
  // as a product, so a small file could ask for millions. More is an error at the largest case.
  int max_checks = kDefaultMaxChecks;
  // What-if changes to the world, `PATH=VALUE` each (`--set`, policy/load/overrides.h), applied in order
  // once every file is read and before the world is validated.
  std::vector<std::string> overrides;
};

// Reads, merges and validates the fixture files at `paths`.
Fixtures LoadFixtures(const std::vector<std::string>& paths, const LoadOptions& options = {});

// The same for files already in memory: (name as it appears in messages, text) pairs.
Fixtures LoadFixtureTexts(std::vector<std::pair<std::string, std::string>> texts, const LoadOptions& options = {});

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_FIXTURES_H_
