// Copyright 2026 The hubperm Authors.
//
// Client methods of several requests, decided as the client runs them: a table of worlds' answers (the
// verdict, the status, the step it comes from, and what became of each step); every decided step
// decided exactly as its request asked alone; and the JSON document against docs/sequence-json.md.

#include "policy/explain/sequence_explanation.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/decide/check.h"
#include "policy/load/fixtures.h"
#include "policy/request/request_input.h"
#include "policy/request/resolve.h"
#include "testdata/fixture_files.h"
#include "yaml-cpp/yaml.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

// testdata/sequences/world.yaml: alice administers acme; bob reads it; carol is a contributor (she
// writes the repos she creates); alice-fg-model may only read acme/model (huggingface_hub issue 2955's
// token); alice-fg-write-model may read and write acme/model and nothing else.
struct World_ {
  Fixtures fixtures;
  std::shared_ptr<const Snapshot> snapshot;
};

const World_& TheWorld() {
  static const World_* w = [] {
    auto* out = new World_{LoadFixtures({"testdata/sequences/world.yaml"}), nullptr};
    out->snapshot = Snapshot::Compile(out->fixtures.world, out->fixtures.files);
    return out;
  }();
  return *w;
}

absl::StatusOr<SequenceExplanation> RunSequence(const std::string& token, const std::string& method, const std::string& repo,
                                        bool exist_ok = false, const std::string& to = "") {
  RequestInput input;
  input.operation = method;
  input.target.repo = repo;
  input.target.exist_ok = exist_ok;
  input.target.to = to;
  EXPECT_TRUE(AsksSequence(input)) << method;
  absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(input);
  if (!sequence.ok()) return sequence.status();
  return ExplainSequence(*TheWorld().snapshot, TheWorld().fixtures.world, token, *sequence);
}

std::string States(const SequenceExplanation& e) {
  std::vector<std::string> states;
  for (const StepResult& r : e.steps) states.emplace_back(StepStateName(r.state));
  return absl::StrJoin(states, ",");
}

struct Row {
  const char* why;
  const char* token;
  const char* method;
  const char* repo;
  const char* to;
  bool exist_ok;
  bool allowed;
  int status;
  int deciding_step;
  const char* states;
  bool created;
};

TEST(ExplainSequenceTest, TheClientsOutcome) {
  ASSERT_TRUE(TheWorld().fixtures.ok()) << TheWorld().fixtures.diagnostics.Render(TheWorld().fixtures.files);
  const Row rows[] = {
      {"every request of upload_folder allowed; validate-yaml is not decided", "alice-write", "upload_folder",
       "acme/model", "", false, true, 200, 5, "unmodeled,allowed,allowed,allowed,allowed", false},
      {"a read token fails at the preupload", "alice-read", "upload_folder", "acme/model", "", false, false, 403, 2,
       "unmodeled,refused,not_reached,not_reached,not_reached", false},
      {"huggingface_hub issue 2955: a token that may only read the repo 'creates' it without error", "alice-fg-model",
       "create_repo", "acme/model", "", true, true, 200, 2, "refused,allowed", false},
      {"the same token, a repo that does not exist: create_repo raises the create's 403", "alice-fg-model",
       "create_repo", "acme/new", "", true, false, 403, 1, "refused,not_found", false},
      {"a repo that exists: the 409 is what exist_ok forgives", "alice-write", "create_repo", "acme/model", "", true, true,
       200, 1, "exists,skipped", false},
      {"a new repo is created", "alice-write", "create_repo", "acme/new", "", true, true, 200, 1, "allowed,skipped", true},
      {"a reader: the create falls back to a read, the commit fails", "bob-write", "upload_large_folder", "acme/model", "",
       false, false, 403, 4, "refused,allowed,allowed,refused,not_reached,not_reached,not_reached,not_reached", false},
      {"a contributor writes the repo she just created", "carol-write", "upload_large_folder", "acme/new", "", false, true,
       200, 8, "allowed,skipped,allowed,allowed,allowed,allowed,unmodeled,allowed", true},
      {"a contributor may not write a repo she did not create", "carol-write", "upload_file", "acme/model", "", false,
       false, 403, 1, "refused,not_reached,not_reached,not_reached", false},
      {"every step of a download reads", "alice-read", "snapshot_download", "acme/private", "", false, true, 200, 4,
       "allowed,allowed,allowed,allowed", false},
      {"datasets: a repo it cannot find is created, and the reader may not", "bob-write", "Dataset.push_to_hub",
       "acme/new-data", "", false, false, 403, 2,
       "not_found,refused,not_found,not_reached,not_reached,not_reached,not_reached,not_reached,not_reached,not_reached",
       false},
      {"datasets: a repo it finds skips the create", "alice-write", "Dataset.push_to_hub", "acme/data", "", false, true, 200,
       10, "allowed,skipped,skipped,allowed,allowed,allowed,allowed,allowed,allowed,allowed", false},
      {"diffusers: the fallback read is refused too; the create's error is raised", "alice-fg-model",
       "DiffusionPipeline.push_to_hub", "acme/private", "", false, false, 403, 1,
       "refused,refused,not_reached,not_reached,not_reached,not_reached,not_reached,not_reached", false},
      {"a copy reads the source: writing the destination is not enough", "alice-fg-write-model", "copy_files",
       "acme/private", "acme/model", false, false, 404, 2, "allowed,refused,not_reached,not_reached,not_reached", false},
      {"a copy whose source and destination the token reaches", "alice-write", "copy_files", "acme/private",
       "acme/model", false, true, 200, 5, "allowed,allowed,allowed,allowed,allowed", false},
      {"a copy into a repo a contributor did not create", "carol-write", "copy_files", "acme/private", "acme/model",
       false, false, 403, 5, "allowed,allowed,allowed,allowed,refused", false},
  };
  for (const Row& row : rows) {
    absl::StatusOr<SequenceExplanation> e = RunSequence(row.token, row.method, row.repo, row.exist_ok, row.to);
    ASSERT_TRUE(e.ok()) << row.why << ": " << e.status();
    EXPECT_EQ(e->allowed, row.allowed) << row.why << "\n" << RenderSequence(*e);
    EXPECT_EQ(e->status, row.status) << row.why;
    EXPECT_EQ(e->deciding_step, row.deciding_step) << row.why;
    EXPECT_EQ(States(*e), row.states) << row.why;
    EXPECT_EQ(e->created_repo, row.created) << row.why;
  }
}

// A step inside its sequence is decided exactly as its request asked alone with --http, in the same
// world (every step of these sequences runs before any create).
TEST(ExplainSequenceTest, EachStepIsDecidedAsItsRequestAlone) {
  int compared = 0;
  for (const char* token : {"alice-read", "alice-write", "bob-write", "carol-write", "alice-fg-model"}) {
    for (const SequenceRow& row : BuiltinSequences().rows()) {
      const std::string method = row.method.substr(0, row.method.find('('));
      const bool exist_ok = row.method != method;
      for (const char* repo : {"acme/model", "acme/private"}) {
        RequestInput input;
        input.operation = method;
        input.target.repo = repo;
        input.target.exist_ok = exist_ok;
        if (row.type.has_value()) continue;  // Dataset.push_to_hub: its own repo type
        absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(input);
        ASSERT_TRUE(sequence.ok()) << row.method << ": " << sequence.status();
        absl::StatusOr<SequenceExplanation> e =
            ExplainSequence(*TheWorld().snapshot, TheWorld().fixtures.world, token, *sequence);
        ASSERT_TRUE(e.ok()) << e.status();
        for (const StepResult& r : e->steps) {
          if (!r.explanation.has_value() || r.snapshot != TheWorld().snapshot.get()) continue;
          RequestInput alone;
          alone.http = r.http;
          const SequenceStepRequest& step = sequence->steps[r.index - 1];
          if (step.step->body == StepBody::kCreate) {
            alone.body = RequestBody::Json({{"type", "model"}, {"name", std::string(repo).substr(5)}, {"organization", "acme"}});
          } else if (step.step->body == StepBody::kLfsUpload) {
            alone.body = RequestBody::Json({{"operation", "upload"}});
          }
          absl::StatusOr<RequestDescription> d = ParseRequest(alone);
          ASSERT_TRUE(d.ok()) << r.http << ": " << d.status();
          absl::StatusOr<ResolvedRequest> resolved = Resolve(*TheWorld().snapshot, token, *d);
          ASSERT_TRUE(resolved.ok()) << r.http << ": " << resolved.status();
          const Decision decision = Check(*TheWorld().snapshot, resolved->request);
          EXPECT_EQ(decision.allowed, r.explanation->decision.allowed) << token << " " << row.method << " " << r.http;
          EXPECT_EQ(decision.status, r.explanation->decision.status) << token << " " << row.method << " " << r.http;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 200);
}

TEST(ExplainSequenceTest, UnknownTokenIsAnError) {
  absl::StatusOr<SequenceExplanation> e = RunSequence("nobody", "upload_file", "acme/model");
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(std::string(e.status().message()), HasSubstr("unknown token 'nobody'"));
}

TEST(RenderSequenceTest, TheTextNamesEveryStepAndTheFailingOnesReason) {
  absl::StatusOr<SequenceExplanation> e = RunSequence("alice-read", "upload_folder", "acme/model");
  ASSERT_TRUE(e.ok());
  const std::string text = RenderSequence(*e);
  EXPECT_THAT(text, HasSubstr("upload_folder on model acme/model, token alice-read (alice): DENY 403 (token)"));
  EXPECT_THAT(text, HasSubstr("  1. POST /api/validate-yaml\n     NOT MODELED POST /api/validate-yaml is not modeled"));
  EXPECT_THAT(text, HasSubstr("  2. POST /api/models/acme/model/preupload/main\n     DENY 403 (token)"));
  EXPECT_THAT(text, HasSubstr("<- the call fails here"));
  EXPECT_THAT(text, HasSubstr("  5. POST /api/models/acme/model/commit/main\n     not reached"));
  EXPECT_THAT(text, HasSubstr("Why step 2 is refused:\nDENY  upload_folder: model acme/model"));
  EXPECT_EQ(RenderSequenceLine(*e).rfind("DENY 403 (token): ", 0), 0u);
  EXPECT_THAT(RenderSequenceLine(*e),
              HasSubstr("[upload_folder fails at step 2 of 5: POST /api/models/acme/model/preupload/main]"));
  absl::StatusOr<SequenceExplanation> fallback = RunSequence("alice-fg-model", "create_repo", "acme/model", true);
  ASSERT_TRUE(fallback.ok());
  EXPECT_THAT(RenderSequence(*fallback), HasSubstr("-> the client catches the 403 and falls back to step 2"));
  EXPECT_THAT(RenderSequence(*fallback), HasSubstr("Why step 2 is allowed:"));
}

// The keys of docs/sequence-json.md, in the order they are written.
const std::vector<std::string> kTopKeys = {"schema", "method", "library", "source", "repo", "repo_type", "token",
                                           "allowed", "status", "deciding_step", "outcome", "created_repo", "steps"};
const std::vector<std::string> kStepKeys = {"step",   "request", "when",      "note",    "state",
                                            "status", "client",  "unmodeled", "decision"};

std::vector<std::string> KeysOf(const YAML::Node& map) {
  std::vector<std::string> keys;
  for (const auto& kv : map) keys.push_back(kv.first.as<std::string>());
  return keys;
}

TEST(RenderSequenceJsonTest, EveryKeyIsDocumentedAndHoldsTheExplanation) {
  const std::string doc = ReadFileOrEmpty("docs/sequence-json.md");
  ASSERT_FALSE(doc.empty());
  for (const auto* keys : {&kTopKeys, &kStepKeys}) {
    for (const std::string& key : *keys) EXPECT_THAT(doc, HasSubstr("`" + key + "`")) << key;
  }
  for (StepState s : {StepState::kAllowed, StepState::kRefused, StepState::kExists, StepState::kNotFound,
                      StepState::kUnmodeled, StepState::kSkipped, StepState::kNotReached}) {
    EXPECT_THAT(doc, HasSubstr("`" + std::string(StepStateName(s)) + "`"));
  }
  for (const char* method : {"upload_folder", "create_repo", "Dataset.push_to_hub"}) {
    for (const char* token : {"alice-read", "alice-fg-model", "bob-write"}) {
      absl::StatusOr<SequenceExplanation> e = RunSequence(token, method, std::string(method) == "Dataset.push_to_hub" ? "acme/data" : "acme/model",
                                                  std::string(method) == "create_repo");
      ASSERT_TRUE(e.ok());
      const YAML::Node json = YAML::Load(RenderSequenceJson(*e));
      EXPECT_EQ(KeysOf(json), kTopKeys);
      EXPECT_EQ(json["schema"].as<std::string>(), kSequenceSchema);
      EXPECT_EQ(json["allowed"].as<bool>(), e->allowed);
      EXPECT_EQ(json["status"].as<int>(), e->status);
      EXPECT_EQ(json["deciding_step"].as<int>(), e->deciding_step);
      EXPECT_EQ(json["token"]["name"].as<std::string>(), token);
      ASSERT_EQ(json["steps"].size(), e->steps.size());
      for (size_t i = 0; i < e->steps.size(); ++i) {
        const YAML::Node step = json["steps"][i];
        EXPECT_EQ(KeysOf(step), kStepKeys);
        EXPECT_EQ(step["state"].as<std::string>(), StepStateName(e->steps[i].state));
        EXPECT_EQ(step["request"].as<std::string>(), e->steps[i].http);
        EXPECT_EQ(step["decision"].IsNull(), !e->steps[i].explanation.has_value());
        EXPECT_EQ(step["unmodeled"].IsNull(), e->steps[i].state != StepState::kUnmodeled);
        if (e->steps[i].explanation.has_value()) {
          EXPECT_EQ(step["decision"]["allowed"].as<bool>(), e->steps[i].explanation->decision.allowed);
          EXPECT_EQ(step["decision"]["schema"].as<std::string>(), "hubperm.decision/v1");
        }
      }
    }
  }
}

}  // namespace
}  // namespace hubperm
