// Copyright 2026 The hubperm Authors.
//
// policy/hubperm.h: the hubperm engine, the one header to include to embed it (and all `cli/` uses).
//
// "Would this Hugging Face Hub token be allowed to do this?" A world (users, orgs, resource groups,
// repos, tokens, token policies) is loaded from YAML fixtures, validated and compiled once into an
// Engine; every question is then a const call on it. Where each step happens:
//   load     Engine::Load / LoadTexts: read, validate, compile; every problem as file:line:col
//   parse    ParseRequest (policy/request/request_input.h): any request form -> RequestDescription
//   resolve  Engine::Resolve: names -> ids against this world, keeping how the request was asked
//   decide   Engine::Check: user side ∩ token side ∩ org token policy -> Decision (no allocation)
//   explain  Engine::Explain -> Explanation; RenderExplanation, RenderCheckLine (text),
//            Engine::ExplanationJson (docs/explanation-json.md)
//   print    the caller's: every renderer returns a string
// and, over the whole world: Engine::RunTests (the fixtures' cases), Engine::Audit (every token),
// Engine::Mint (the smallest token for what a job does: ReadIntentsFile, ReadRequestLog);
// Engine::RunBatch decides JSON lines of requests against the world loaded once; Diff (policy/diff/diff.h)
// compares two engines' worlds (WorldPair of their snapshots). LoadOptions::overrides changes facts of a
// world as it loads (`--set`, policy/load/overrides.h).
//
// Example (examples/embed.cc runs it):
//   hubperm::LoadResult loaded = hubperm::Engine::Load({"testdata/founding/world.yaml"});
//   if (!loaded.ok()) { std::cerr << loaded.RenderIssues(); return 2; }
//   const hubperm::Engine& engine = *loaded.engine;
//   hubperm::RequestInput input;
//   input.http = "POST /api/repos/create";
//   input.body = hubperm::RequestBody::Json({{"type", "model"}, {"name", "x"}, {"organization", "acme"}});
//   absl::StatusOr<hubperm::ResolvedRequest> request = engine.Resolve("limited-test-token", input);
//   if (!request.ok()) { std::cerr << request.status().message(); return 2; }
//   hubperm::Decision decision = engine.Check(*request);  // decision.allowed, .status, each side
//   std::cout << hubperm::RenderExplanation(engine.Explain(*request, decision));
//
// Thread safety: an Engine is immutable once Load returns it. Every method is const and may be called
// from any number of threads at once on one shared engine (held by std::shared_ptr<const Engine>); the
// results are values the caller owns. Check allocates nothing and cannot fail: every id in a
// ResolvedRequest names a record of the engine it was resolved by (use it with that engine only).
//
// Errors: loading reports every problem of the input as issues (LoadResult); resolving a request
// returns a Status whose message names the unknown thing and the nearest known names. Nothing throws.

#ifndef HUBPERM_POLICY_HUBPERM_H_
#define HUBPERM_POLICY_HUBPERM_H_

#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/audit/audit.h"
#include "policy/audit/audit_html.h"
#include "policy/audit/audit_report.h"
#include "policy/batch/batch_run.h"
#include "policy/cases/junit_report.h"
#include "policy/cases/test_report.h"
#include "policy/common/diagnostics.h"
#include "policy/common/escape.h"
#include "policy/common/read_file.h"
#include "policy/common/secret.h"
#include "policy/common/source.h"
#include "policy/common/style.h"
#include "policy/common/suggest.h"
#include "policy/common/timestamp.h"
#include "policy/common/utf8.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/diff/diff.h"
#include "policy/diff/diff_html.h"
#include "policy/diff/diff_report.h"
#include "policy/explain/error_comparison.h"
#include "policy/explain/explain.h"
#include "policy/explain/sequence_explanation.h"
#include "policy/load/fixtures.h"
#include "policy/load/org_import.h"
#include "policy/load/org_responses.h"
#include "policy/load/response_reader.h"
#include "policy/load/whoami_import.h"
#include "policy/mint/intents.h"
#include "policy/mint/mint.h"
#include "policy/mint/mint_report.h"
#include "policy/mint/purpose_findings.h"
#include "policy/whocan/who_can.h"
#include "policy/whocan/who_can_report.h"
#include "policy/model/world.h"
#include "policy/request/request_input.h"
#include "policy/request/resolve.h"
#include "policy/request/route_listing.h"

namespace hubperm {

class Engine;

// What loading gave: an engine, or the issues that kept one from being built (warnings may come with
// an engine too).
struct LoadResult {
  std::shared_ptr<const Engine> engine;  // null when the input has an error
  SourceFiles files;                      // the files read, for the issues' positions (empty with an engine:
                                          // the engine keeps them, files())
  Diagnostics diagnostics;                // every error and warning, positioned
  std::vector<std::string> read_errors;   // one per file that could not be read
  int case_count = 0;                     // the cases the files hold (checked once the world has no error)

  bool ok() const { return engine != nullptr; }
  int error_count() const { return static_cast<int>(read_errors.size()) + diagnostics.error_count(); }
  int warning_count() const { return diagnostics.warning_count(); }
  // Every issue as text: file:line:col: message, the source line and a caret.
  std::string RenderIssues(const Style& style = Style::Plain()) const;
  // The same, written to `out` as it goes (bounded: docs/limits.md).
  void PrintIssues(std::ostream& out, const Style& style = Style::Plain()) const;
  // The same as JSON (schema hubperm.validate/v1), with `paths` as given.
  std::string RenderIssuesJson(const std::vector<std::string>& paths) const;
};

class Engine {
 public:
  // Reads the fixture files at `paths` as one world, validates it and compiles it.
  static LoadResult Load(const std::vector<std::string>& paths, const LoadOptions& options = {});
  // The same for texts in memory: (name as it appears in messages, text) pairs.
  static LoadResult LoadTexts(std::vector<std::pair<std::string, std::string>> files,
                              const LoadOptions& options = {});

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // The request pipeline's last step: `description` (ParseRequest) for the token named `token`.
  // `*culprit`, if given, is set to the argument to blame when one is.
  absl::StatusOr<ResolvedRequest> Resolve(absl::string_view token, const RequestDescription& description,
                                          absl::optional<Arg>* culprit = nullptr) const;
  // ParseRequest, then Resolve.
  absl::StatusOr<ResolvedRequest> Resolve(absl::string_view token, const RequestInput& input) const;

  // Would the token be allowed? Cannot fail, allocates nothing.
  Decision Check(const ResolvedRequest& request) const;
  Decision Check(const Request& request) const;

  // The decision in words and as data, computed once: RenderExplanation and RenderCheckLine lay it out
  // as text, ExplanationJson as JSON.
  Explanation Explain(const ResolvedRequest& request, const Decision& decision) const;
  std::string ExplanationJson(const Explanation& explanation) const;
  // For a request asked as a pasted error (RequestForm::kError): the answer with the comparison, as JSON.
  std::string ErrorComparisonJson(const Explanation& explanation, const ErrorComparison& comparison) const;

  // A client method of several requests (AsksSequence, ParseSequenceInput), decided as the client runs
  // it: each step as its HTTP request, and the client's outcome. RenderSequence, RenderSequenceLine and
  // RenderSequenceJson lay it out.
  absl::StatusOr<SequenceExplanation> ExplainSequence(absl::string_view token, const SequenceDescription& sequence) const;

  // A batch of requests, one JSON object per line of `in` (docs/batch-json.md), each answered by one JSON
  // line on `out` as it is read; a bad line's errors also go to `err`, and the batch goes on.
  BatchSummary RunBatch(std::istream& in, const BatchOptions& options, std::ostream& out, std::ostream& err,
                        const Style& err_style = Style::Plain()) const;

  // Every check of the world's cases whose request does not resolve, as errors at the key to blame.
  Diagnostics CheckCaseRequests() const;
  // Runs the world's cases (those `filter` selects), at the moment `at` (a case's own `at:` wins;
  // Request::kAnyMoment checks no token lifetime).
  TestRun RunTests(absl::string_view filter, absl::Time at = Request::kAnyMoment) const;

  // Every token's effective access and findings; its lifetime judged at options.at.
  AuditReport Audit(const AuditOptions& options = AuditOptions()) const;

  // The smallest fine-grained token for `owner` under which every intent is allowed (policy/mint/mint.h);
  // an intent that does not resolve is an error in `*problems`, and then nothing is minted.
  MintResult Mint(absl::string_view owner, const std::vector<Intent>& intents, const MintOptions& options,
                  Diagnostics* problems) const;

  // Every token allowed to make `input` (asked without a token), which sides deny the others, and the
  // users whose user side allows it (policy/whocan/who_can.h).
  absl::StatusOr<WhoCanResult> WhoCan(const RequestInput& input) const;

  // The world as loaded and as compiled, and the fixture files (for positions).
  const World& world() const { return world_; }
  const Snapshot& snapshot() const { return *snapshot_; }
  const SourceFiles& files() const { return snapshot_->files(); }

 private:
  Engine(World world, std::shared_ptr<const Snapshot> snapshot);
  static LoadResult Build(Fixtures fixtures);

  const World world_;
  const std::shared_ptr<const Snapshot> snapshot_;
  // who-can's probes (policy/whocan/who_can.h), built by the first WhoCan and kept: they depend on the
  // world only. std::call_once keeps the engine safe to share between threads.
  mutable std::once_flag probes_once_;
  mutable std::unique_ptr<const WhoCanProbes> probes_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_HUBPERM_H_
