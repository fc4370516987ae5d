// Copyright 2026 The hubperm Authors.

#include "policy/request/sequence_table.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"
#include "policy/request/route.h"

namespace hubperm {

extern const char kSequencesYaml[];  // sequences.yaml, embedded by embed_text (BUILD.bazel)

namespace {

constexpr absl::string_view kTopKeys[] = {"sequences"};
constexpr absl::string_view kRowKeys[] = {"method", "library", "source", "recorded", "type", "like", "steps"};
constexpr absl::string_view kStepKeys[] = {"id",     "http",     "body",      "when",     "note",
                                           "on_allow", "on_deny", "on_exists", "fallback"};
constexpr absl::string_view kLibraries[] = {"huggingface_hub", "transformers", "datasets", "diffusers"};

struct BodyRow {
  StepBody body;
  absl::string_view name;
};
constexpr BodyRow kBodies[] = {
    {StepBody::kCreate, "create"}, {StepBody::kLfsUpload, "lfs_upload"}, {StepBody::kDuplicateFiles, "duplicate_files"}};

class RowReader {
 public:
  explicit RowReader(Diagnostics* d) : d_(d), in_(d, TreeSyntax::kYaml) {}

  // Reads one row; `rows` are those read so far (for `like`).
  bool Read(const YamlNode& node, const std::vector<SequenceRow>& rows, SequenceRow* out) {
    const int errors_before = d_->error_count();
    absl::optional<Name> method = in_.OpenEntry(node, kRowKeys, "a sequence", "method");
    if (!method.has_value()) return false;
    out->method = method->text;
    out->line = node.pos.line;
    if (const YamlNode* library = in_.Require(node, "library", "a sequence")) {
      if (absl::optional<Name> name = in_.String(*library, "'library'")) {
        if (std::find(std::begin(kLibraries), std::end(kLibraries), name->text) == std::end(kLibraries)) {
          d_->Error(library->pos, absl::StrCat("unknown library '", name->text, "' (valid: ", absl::StrJoin(kLibraries, ", "), ")"));
        }
        out->library = name->text;
      }
    }
    if (const YamlNode* source = in_.Require(node, "source", "a sequence")) {
      if (absl::optional<Name> text = in_.String(*source, "'source'")) out->source = text->text;
    }
    if (const YamlNode* recorded = in_.Require(node, "recorded", "a sequence")) {
      if (recorded->is_sequence()) {
        for (const Name& call : in_.StringList(*recorded, "'recorded'")) out->recorded.push_back(call.text);
      } else {
        in_.IsSequence(*recorded, "'recorded'");
      }
    }
    if (const YamlNode* type = TreeReader::Find(node, "type")) out->type = in_.Enum<RepoType>(*type, "repo type");
    const YamlNode* like = TreeReader::Find(node, "like");
    const YamlNode* steps = TreeReader::Find(node, "steps");
    if ((like == nullptr) == (steps == nullptr)) {
      d_->Error(node.pos, "a sequence needs exactly one of 'steps' and 'like' (another method whose steps these are)");
    } else if (like != nullptr) {
      absl::optional<Name> other = in_.String(*like, "'like'");
      if (other.has_value()) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](const SequenceRow& r) { return r.method == other->text; });
        if (it == rows.end()) {
          d_->Error(like->pos, absl::StrCat("'like' names '", other->text, "', which no earlier sequence is"));
        } else {
          out->steps = it->steps;
        }
      }
    } else {
      in_.ForEachItem(*steps, "'steps'", [&](const YamlNode& item) {
        SequenceStep step;
        if (ReadStep(item, out->type.value_or(RepoType::kModel), &step)) {
          if (absl::StrContains(step.http, "{to")) out->takes_to = true;
          out->steps.push_back(std::move(step));
        }
      });
      if (out->steps.empty() && steps->is_sequence()) d_->Error(steps->pos, "a sequence has at least one step");
      CheckTargets(*steps, *out);
    }
    return d_->error_count() == errors_before;
  }

 private:
  bool ReadStep(const YamlNode& node, RepoType type, SequenceStep* out) {
    const int errors_before = d_->error_count();
    if (!in_.IsMap(node, "a step")) return false;
    in_.CheckKeys(node, kStepKeys, "a step");
    out->line = node.pos.line;
    if (const YamlNode* http = in_.Require(node, "http", "a step")) {
      if (absl::optional<Name> line = in_.String(*http, "'http'")) {
        out->http = line->text;
        // The request must be one the catalogue knows, for any repo type.
        const absl::StatusOr<RouteMatch> match = MatchHttpRequest(FillStep(out->http, type, "acme/m"));
        if (!match.ok()) d_->Error(http->pos, std::string(match.status().message()));
      }
    }
    auto text = [&](absl::string_view key, std::string* field) {
      if (const YamlNode* v = TreeReader::Find(node, key)) {
        if (absl::optional<Name> s = in_.String(*v, absl::StrCat("'", key, "'"))) *field = s->text;
      }
    };
    text("id", &out->id);
    text("when", &out->when);
    text("note", &out->note);
    if (const YamlNode* body = TreeReader::Find(node, "body")) {
      bool found = false;
      for (const BodyRow& row : kBodies) {
        if (body->is_scalar() && body->scalar == row.name) {
          out->body = row.body;
          found = true;
        }
      }
      if (!found) {
        d_->Error(body->pos, absl::StrCat("'body' must be create, lfs_upload or duplicate_files, not ", in_.KindOf(*body)));
      }
    }
    if (const YamlNode* allow = TreeReader::Find(node, "on_allow")) {
      ReadOutcome(*allow, "'on_allow'", /*refusal=*/false, &out->on_allow);
    }
    if (const YamlNode* deny = TreeReader::Find(node, "on_deny")) {
      if (deny->is_scalar() && deny->scalar == "fail") {
        // the default
      } else if (in_.IsMap(*deny, "'on_deny'")) {
        for (size_t i = 0; i < deny->map_size(); ++i) {
          absl::optional<int> status = in_.HttpStatus(deny->key(i), "a status of 'on_deny'");
          StepOutcome outcome;
          if (status.has_value() && ReadOutcome(deny->value(i), "an 'on_deny' action", /*refusal=*/true, &outcome)) {
            out->on_deny.emplace_back(*status, std::move(outcome));
          }
        }
      }
    }
    if (const YamlNode* exists = TreeReader::Find(node, "on_exists")) {
      if (exists->is_scalar() && (exists->scalar == "done" || exists->scalar == "fail")) {
        out->on_exists_done = exists->scalar == "done";
      } else {
        d_->Error(exists->pos, "'on_exists' must be done or fail");
      }
      if (out->body != StepBody::kCreate) d_->Error(exists->pos, "'on_exists' goes with a create step (body: create)");
    }
    if (const YamlNode* fallback = TreeReader::Find(node, "fallback")) {
      out->fallback = in_.Bool(*fallback, "'fallback'").value_or(false);
    }
    return d_->error_count() == errors_before;
  }

  // next, done, fail, fallback (refusals only) or "goto ID".
  bool ReadOutcome(const YamlNode& node, absl::string_view what, bool refusal, StepOutcome* out) {
    if (!node.is_scalar()) {
      d_->Error(node.pos, absl::StrCat(what, " must be next, done, fail", refusal ? ", fallback" : "", " or 'goto ID'"));
      return false;
    }
    const absl::string_view v = node.scalar;
    if (v == "next") {
      out->action = StepAction::kNext;
    } else if (v == "done") {
      out->action = StepAction::kDone;
    } else if (v == "fail") {
      out->action = StepAction::kFail;
    } else if (v == "fallback" && refusal) {
      out->action = StepAction::kFallback;
    } else if (absl::StartsWith(v, "goto ") && v.size() > 5) {
      out->action = StepAction::kGoto;
      out->target = std::string(absl::StripPrefix(v, "goto "));
      pending_gotos_.push_back({node.pos, out->target});
    } else {
      d_->Error(node.pos, absl::StrCat(what, " must be next, done, fail", refusal ? ", fallback" : "",
                                       " or 'goto ID', not '", v, "'"));
      return false;
    }
    return true;
  }

  // Every goto names a later step of the row; a fallback is followed by fallback steps.
  void CheckTargets(const YamlNode& steps, const SequenceRow& row) {
    for (const auto& [pos, target] : pending_gotos_) {
      if (row.StepNamed(target) < 0) d_->Error(pos, absl::StrCat("no step of ", row.method, " has id '", target, "'"));
    }
    pending_gotos_.clear();
    for (size_t i = 0; i < row.steps.size(); ++i) {
      const SequenceStep& step = row.steps[i];
      for (const auto& [status, outcome] : step.on_deny) {
        if (outcome.action == StepAction::kFallback && (i + 1 == row.steps.size() || !row.steps[i + 1].fallback)) {
          d_->Error(steps.pos, absl::StrCat("step ", i + 1, " of ", row.method, " falls back, but no fallback step follows it"));
        }
      }
    }
  }

  Diagnostics* d_;
  TreeReader in_;
  std::vector<std::pair<SourcePos, std::string>> pending_gotos_;
};

}  // namespace

StepOutcome SequenceStep::OnDeny(int status) const {
  for (const auto& [s, outcome] : on_deny) {
    if (s == status) return outcome;
  }
  return StepOutcome{StepAction::kFail, ""};
}

int SequenceRow::StepNamed(absl::string_view id) const {
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

absl::StatusOr<SequenceTable> SequenceTable::Parse(absl::string_view text, absl::string_view file_name) {
  SourceFiles files;
  const int file = files.Add(std::string(file_name), std::string(text));
  Diagnostics d;
  absl::optional<YamlNode> root = ParseYaml(files.text(file), file, &d);
  SequenceTable out;
  TreeReader in(&d, TreeSyntax::kYaml);
  if (root.has_value() && in.IsMap(*root, "the sequence table")) {
    in.CheckKeys(*root, kTopKeys, "the sequence table");
    if (const YamlNode* rows = in.Require(*root, "sequences", "the sequence table")) {
      RowReader reader(&d);
      in.ForEachItem(*rows, "'sequences'", [&](const YamlNode& node) {
        SequenceRow row;
        if (!reader.Read(node, out.rows_, &row)) return;
        if (out.Find(row.method) != nullptr) {
          d.Error(node.pos, absl::StrCat("method '", row.method, "' already has a sequence"));
          return;
        }
        out.rows_.push_back(std::move(row));
      });
    }
  }
  if (d.has_errors()) return absl::InvalidArgumentError(d.Render(files));
  return out;
}

const SequenceRow* SequenceTable::Find(absl::string_view method) const {
  for (const SequenceRow& row : rows_) {
    if (row.method == method) return &row;
  }
  return nullptr;
}

const SequenceTable& BuiltinSequences() {
  static const SequenceTable* const table = [] {
    absl::StatusOr<SequenceTable> parsed = SequenceTable::Parse(kSequencesYaml, "policy/request/sequences.yaml");
    if (!parsed.ok()) {
      // Only a build whose sequence_table_test failed can get here.
      std::fprintf(stderr, "hubperm: the built-in sequence table is invalid:\n%s\n",
                   std::string(parsed.status().message()).c_str());
      std::abort();
    }
    return new SequenceTable(*std::move(parsed));
  }();
  return *table;
}

std::string FillStep(absl::string_view http, RepoType type, absl::string_view repo, absl::string_view to) {
  const std::string types = absl::StrCat(NameOf(type), "s");
  const std::string prefix = type == RepoType::kModel ? "" : absl::StrCat(types, "/");
  return absl::StrReplaceAll(http, {{"{repo}", repo},
                                    {"{types}", types},
                                    {"{prefix}", prefix},
                                    {"{to}", to.empty() ? repo : to},
                                    {"{to_types}", types},
                                    {"{to_prefix}", prefix},
                                    {"{file}", "FILE"}});
}

}  // namespace hubperm
