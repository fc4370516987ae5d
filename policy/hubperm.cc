// Copyright 2026 The hubperm Authors.

#include "policy/hubperm.h"

#include "policy/cases/case_runner.h"
#include "policy/decide/check.h"
#include "policy/explain/explain_json.h"
#include "policy/load/fixtures.h"

namespace hubperm {

std::string LoadResult::RenderIssues(const Style& style) const {
  return RenderLoadIssues(engine != nullptr ? engine->files() : files, diagnostics, read_errors, style);
}

void LoadResult::PrintIssues(std::ostream& out, const Style& style) const {
  PrintLoadIssues(engine != nullptr ? engine->files() : files, diagnostics, read_errors, style, out);
}

std::string LoadResult::RenderIssuesJson(const std::vector<std::string>& paths) const {
  return RenderLoadIssuesJson(engine != nullptr ? engine->files() : files, diagnostics, read_errors, paths);
}

Engine::Engine(World world, std::shared_ptr<const Snapshot> snapshot)
    : world_(std::move(world)), snapshot_(std::move(snapshot)) {}

LoadResult Engine::Build(Fixtures fixtures) {
  LoadResult result;
  result.case_count = static_cast<int>(fixtures.world.cases.size());
  result.diagnostics = std::move(fixtures.diagnostics);
  result.read_errors = std::move(fixtures.read_errors);
  if (!result.read_errors.empty() || result.diagnostics.has_errors()) {
    result.files = std::move(fixtures.files);
    return result;
  }
  std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
  result.engine = std::shared_ptr<const Engine>(new Engine(std::move(fixtures.world), std::move(snapshot)));
  return result;
}

LoadResult Engine::Load(const std::vector<std::string>& paths, const LoadOptions& options) {
  return Build(LoadFixtures(paths, options));
}

LoadResult Engine::LoadTexts(std::vector<std::pair<std::string, std::string>> files, const LoadOptions& options) {
  return Build(LoadFixtureTexts(std::move(files), options));
}

absl::StatusOr<ResolvedRequest> Engine::Resolve(absl::string_view token, const RequestDescription& description,
                                                absl::optional<Arg>* culprit) const {
  return hubperm::Resolve(*snapshot_, token, description, culprit);
}

absl::StatusOr<SequenceExplanation> Engine::ExplainSequence(absl::string_view token,
                                                            const SequenceDescription& sequence) const {
  return hubperm::ExplainSequence(*snapshot_, world_, token, sequence);
}

absl::StatusOr<ResolvedRequest> Engine::Resolve(absl::string_view token, const RequestInput& input) const {
  absl::StatusOr<RequestDescription> description = ParseRequest(input);
  if (!description.ok()) return description.status();
  return Resolve(token, *description);
}

Decision Engine::Check(const ResolvedRequest& request) const { return hubperm::Check(*snapshot_, request.request); }

Decision Engine::Check(const Request& request) const { return hubperm::Check(*snapshot_, request); }

Explanation Engine::Explain(const ResolvedRequest& request, const Decision& decision) const {
  return hubperm::Explain(*snapshot_, request, decision);
}

std::string Engine::ExplanationJson(const Explanation& explanation) const {
  return RenderExplanationJson(*snapshot_, explanation);
}

std::string Engine::ErrorComparisonJson(const Explanation& explanation, const ErrorComparison& comparison) const {
  return RenderErrorComparisonJson(*snapshot_, explanation, comparison);
}

BatchSummary Engine::RunBatch(std::istream& in, const BatchOptions& options, std::ostream& out, std::ostream& err,
                              const Style& err_style) const {
  return hubperm::RunBatch(*snapshot_, world_, in, options, out, err, err_style);
}

Diagnostics Engine::CheckCaseRequests() const {
  Diagnostics diagnostics;
  hubperm::CheckCaseRequests(*snapshot_, world_, &diagnostics);
  return diagnostics;
}

TestRun Engine::RunTests(absl::string_view filter, absl::Time at) const {
  return hubperm::RunTests(*snapshot_, world_, filter, at);
}

AuditReport Engine::Audit(const AuditOptions& options) const {
  AuditReport report = hubperm::Audit(*snapshot_, options);
  // A token's purpose is minted against the world, which the audit of the snapshot does not see.
  AddFindings(*snapshot_, BroaderThanNeeded(world_, *snapshot_), &report);
  return report;
}

absl::StatusOr<WhoCanResult> Engine::WhoCan(const RequestInput& input) const {
  std::call_once(probes_once_, [&] { probes_ = std::make_unique<const WhoCanProbes>(MakeWhoCanProbes(world_)); });
  return WhoCanDo(world_, *snapshot_, *probes_, input);
}

MintResult Engine::Mint(absl::string_view owner, const std::vector<Intent>& intents, const MintOptions& options,
                        Diagnostics* problems) const {
  return hubperm::Mint(world_, owner, intents, options, problems);
}

}  // namespace hubperm
