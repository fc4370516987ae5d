// Copyright 2026 The hubperm Authors.
//
// policy/diff/diff_report.h: a diff (diff.h) grouped for people and tools: by token, the changed
// requests that share an operation, a namespace, both answers and the facts that touch them as one entry
// ("lost hf_hub_download on 6 repos of acme"), with the deciding reasons of both answers; and by fact,
// what each changed fact did (access gained and lost counted apart, and the tokens it touched).
//
//   DiffReport report = SummarizeDiff(pair, diff);
//   std::cout << RenderDiffText(pair, diff, report, header);      // hubperm diff
//   std::cout << RenderDiffJson(pair, diff, report, header);      // --format json (hubperm.diff/v1)
//
// An entry's reasons are its first request's: the others differ from it in the target only (same
// operation, namespace, answers and facts). docs/diff.md documents the JSON keys.

#ifndef HUBPERM_POLICY_DIFF_DIFF_REPORT_H_
#define HUBPERM_POLICY_DIFF_DIFF_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/types/optional.h"
#include "absl/time/time.h"
#include "policy/common/style.h"
#include "policy/diff/diff.h"

namespace hubperm {

// What was compared, as the command line said it.
struct DiffHeader {
  std::vector<std::string> before_files;
  std::vector<std::string> after_files;
  std::vector<std::string> sets;  // --set PATH=VALUE, applied to the after world
  absl::optional<absl::Time> at;  // the moment both were asked at (none: any)
};

// Changed requests of one token that share an operation, a namespace, both answers and their facts.
struct ChangeEntry {
  std::vector<size_t> changes;  // into DiffResult::changes, in its order
  std::vector<int32_t> facts;   // into delta.facts
  int64_t count = 0;            // the decisions its changes stand for (a class's change, one per repo)
};

struct TokenChanges {
  int32_t token;  // the pair's
  std::string owner;
  int64_t gained = 0, lost = 0, other = 0;
  std::vector<ChangeEntry> entries;
};

struct FactEffect {
  int64_t gained = 0, lost = 0, other = 0;
  std::vector<int32_t> tokens;  // the pair's, by name
};

struct DiffReport {
  std::vector<TokenChanges> tokens;  // those with a change, by name
  std::vector<FactEffect> facts;     // by delta.facts
};

DiffReport SummarizeDiff(const WorldPair& pair, const DiffResult& diff);

// How many tokens the text shows in full (the JSON and HTML show every one).
inline constexpr size_t kMaxTextTokens = 200;
// How many of an entry's targets a line names (the rest are counted); the HTML's.
inline constexpr size_t kMaxTextTargets = 6;
inline constexpr size_t kMaxHtmlTargets = 50;

// The targets of an entry's first `max` requests (DiffTargetText), in order.
std::vector<std::string> EntryTargetTexts(const WorldPair& pair, const DiffResult& diff, const ChangeEntry& entry,
                                          size_t max);

std::string RenderDiffText(const WorldPair& pair, const DiffResult& diff, const DiffReport& report,
                           const DiffHeader& header, const Style& style = Style::Plain());
std::string RenderDiffJson(const WorldPair& pair, const DiffResult& diff, const DiffReport& report,
                           const DiffHeader& header);

// The pieces the renderers share (diff_html.cc too).
// What a request acts on: "model:acme/m", "model:acme/m into group vision", "a new dataset in acme",
// "org acme", "group vision (org acme)", or "" for whoami.
std::string DiffTargetText(const WorldPair& pair, const DiffRequest& request);
// One answer with its deciding reasons: "ALLOW (user: ...; token: ...)" or check's "DENY 403 (token): ...",
// or "no such token in this world (401)".
std::string DiffAnswerText(const WorldPair& pair, WorldSide side, const DiffRequest& request, const DiffVerdict& verdict,
                           absl::Time at);
// "gained", "lost" or "changed".
absl::string_view ChangeWord(const DecisionChange& change);
// "file:line:col" of a fact's position in one world, or "" when unknown.
std::string FactWhere(const WorldPair& pair, WorldSide side, const SourcePos& pos);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DIFF_DIFF_REPORT_H_
