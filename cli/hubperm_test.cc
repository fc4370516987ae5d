// Copyright 2026 The hubperm Authors.
//
// CLI golden tests: a command line (and stdin) -> stdout, stderr and the exit code, run in process.
// Goldens live in testdata/golden/ and testdata/invalid/*.golden; on a mismatch the actual text is
// printed in full.

#include "cli/cli_testing.h"
#include "cli/hubperm.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/hubperm.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A terminal on both streams, with NO_COLOR as given (nullptr: unset).
Terminal Tty(const char* no_color = nullptr) {
  Terminal t;
  t.out_is_terminal = true;
  t.err_is_terminal = true;
  t.no_color = no_color;
  return t;
}

// `text` without its ANSI SGR escapes.
std::string StripAnsi(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = text.find('m', i);
      if (i == std::string::npos) break;
      continue;
    }
    out += text[i];
  }
  return out;
}

const std::string kWorld = "testdata/founding/world.yaml";
const std::string kBody = R"({"type": "model", "name": "whatever_you_want", "organization": "acme"})";

TEST(FoundingScenario, ExplainOverHttpMatchesTheGolden) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, ExplainOverTheMethodNameDecidesTheSame) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--operation", "create_repo", "--repo",
                   "acme/whatever_you_want"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, BodyFromStdinAndYamlBody) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "-"},
                  "type: model\nname: whatever_you_want\norganization: acme\n");
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, CheckPrintsOneLine) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_check.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, CommitToTheGroupsModelIsDeniedForTheSameReason) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http",
                   "POST https://huggingface.co/api/models/acme/token-test-model/commit/main"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_commit_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, ExplainAsJsonMatchesTheGolden) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody,
                      "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.json")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, CheckAsJsonPrintsTheSameDecision) {
  CliRun r = Hubperm({"check", kWorld, "--format", "json", "--token", "limited-test-token", "--http", "POST /api/repos/create",
                      "--body", kBody});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.json")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, TextIsTheDefaultFormat) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody,
                      "--format", "text"});
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

// The third request form: the permission the founding request needs, on the org. It decides exactly as
// the HTTP form: the same line, the same JSON and the same explanation, except that it was asked through
// no route (no "route" line, asked_as null) and after one line saying how it was asked.
const std::vector<std::string> kAsPermission = {"--token", "limited-test-token", "--permission", "repo.write", "--org", "acme"};

std::vector<std::string> With(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// An explanation as the permission form prints it: without the line naming the catalogue route.
std::string WithoutRoute(std::string text) {
  const size_t at = text.find("\n  route ");
  if (at != std::string::npos) text.erase(at, text.find('\n', at + 1) - at);
  return text;
}

// A decision's JSON with "asked_as" null, as the permission form prints it.
std::string WithoutAskedAs(std::string json) {
  const size_t at = json.find("\"asked_as\": {");
  if (at != std::string::npos) json.replace(at, json.find("},\n", at) + 1 - at, "\"asked_as\": null");
  return json;
}

TEST(FoundingScenario, ExplainOverThePermissionDecidesTheSame) {
  CliRun r = Hubperm(With({"explain", kWorld}, kAsPermission));
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_permission_explain.txt")) << "actual:\n" << r.out;
  const std::string preface =
      "Asked: may token limited-test-token use repo.write on org acme? That is what create_repo needs there "
      "(create a repo in the namespace), so hubperm decides that:\n\n";
  EXPECT_EQ(r.out, preface + WithoutRoute(ReadFileOrEmpty("testdata/golden/founding_explain.txt")));
}

TEST(FoundingScenario, CheckOverThePermissionDecidesTheSame) {
  CliRun line = Hubperm(With({"check", kWorld}, kAsPermission));
  EXPECT_EQ(line.exit_code, kExitDeny);
  EXPECT_EQ(line.out, ReadFileOrEmpty("testdata/golden/founding_check.txt")) << "actual:\n" << line.out;
  CliRun json = Hubperm(With({"check", kWorld, "--format", "json"}, kAsPermission));
  EXPECT_EQ(json.exit_code, kExitDeny);
  EXPECT_EQ(json.out, ReadFileOrEmpty("testdata/golden/founding_permission_explain.json")) << "actual:\n" << json.out;
  EXPECT_EQ(json.out, WithoutAskedAs(ReadFileOrEmpty("testdata/golden/founding_explain.json")));
}

TEST(FoundingScenario, OptionsTakeEqualsSigns) {
  CliRun r = Hubperm({"check", kWorld, "--token=limited-test-token", "--permission=repo.write", "--org=acme"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_check.txt"));
  r = Hubperm({"check", kWorld, "--token=limited-test-token", "--operation=auth_check", "--write=1", "--repo=acme/m"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("--write takes no value"));
  r = Hubperm({"check", kWorld, "--token=limited-test-token", "--permission=repo.write", "--org=acme"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_check.txt"));
}

// move_repo has two parts; the explanation says what each side says about each, and both forms agree.
TEST(MoveRepo, ExplainsBothPartsInEitherForm) {
  const std::string spec_world = "testdata/spec/world.yaml";
  CliRun method = Hubperm({"explain", spec_world, "--token", "fg-adam-org", "--operation", "move_repo", "--repo",
                           "acme/private-model", "--to", "adam/private-model"});
  EXPECT_EQ(method.exit_code, kExitDeny);
  EXPECT_EQ(method.err, "");
  EXPECT_EQ(method.out, ReadFileOrEmpty("testdata/golden/spec_move_explain.txt")) << "actual:\n" << method.out;
  CliRun http = Hubperm({"explain", spec_world, "--token", "fg-adam-org", "--http", "POST /api/repos/move", "--body",
                         R"({"fromRepo": "acme/private-model", "toRepo": "adam/private-model"})"});
  EXPECT_EQ(http.exit_code, kExitDeny);
  EXPECT_EQ(http.out, method.out);
}

TEST(Routes, ListsEveryRouteOfTheCatalogue) {
  CliRun all = Hubperm({"routes"});
  EXPECT_EQ(all.exit_code, kExitAllow);
  EXPECT_EQ(all.err, "");
  for (const CatalogueRoute& route : BuiltinCatalogue().routes()) {
    EXPECT_THAT(all.out, HasSubstr(route.Name() + "\n")) << route.Name();
  }
  EXPECT_THAT(all.out, HasSubstr("POST /api/repos/create\n    huggingface_hub: create_repo; a step of huggingface_hub's "
                                 "upload_large_folder; @huggingface/hub: createRepo; on namespace\n"
                                 "    decided as create_repo: user: role contributor or higher [assumed]; "
                                 "token: repo.write on the namespace [seen]\n"));
  EXPECT_THAT(all.out, HasSubstr("GET /api/jobs/hardware\n    huggingface_hub: list_jobs_hardware; @huggingface/hub: "
                                 "listJobHardware; on none\n    not modeled: Jobs"));
  EXPECT_THAT(all.out, HasSubstr("POST /api/spaces/{namespace}/{repo}/restart\n    huggingface_hub: restart_space; on repo "
                                 "(not in the OpenAPI description)\n    decided as write_repo"));
}

// --client keeps the routes a client calls, as the recordings of testdata/clients/ show.
TEST(Routes, ClientKeepsTheRoutesItCalls) {
  CliRun js = Hubperm({"routes", "--client", "@huggingface/hub", "--filter", "raw"});
  EXPECT_EQ(js.exit_code, kExitAllow);
  EXPECT_THAT(js.out, HasSubstr("HEAD /{namespace}/{repo}/raw/{rev}/{path}\n    @huggingface/hub: fileExists"));
  EXPECT_THAT(js.out, Not(HasSubstr("HEAD /spaces/{namespace}/{repo}/raw/{rev}/{path}")));  // no recorded call
  CliRun python = Hubperm({"routes", "--client", "huggingface_hub", "--filter", "lfs/objects/batch"});
  EXPECT_THAT(python.out, HasSubstr("a step of huggingface_hub's upload_file, upload_folder, upload_large_folder"));
  CliRun none = Hubperm({"routes", "--client", "js", "--filter", "scim"});
  EXPECT_EQ(none.out, "no route matches 'scim' for js\n");
  CliRun bad = Hubperm({"routes", "--client", "curl"});
  EXPECT_EQ(bad.exit_code, kExitBadInput);
  EXPECT_THAT(bad.err, HasSubstr("--client must be huggingface_hub or @huggingface/hub, not 'curl'"));
}

// Bodies as the clients send them: a commit's NDJSON lines, form-encoded fields, a named content type.
TEST(Body, TheClientsFormsAreDecided) {
  const std::string commit =
      "{\"key\": \"header\", \"value\": {\"summary\": \"s\"}}\n"
      "{\"key\": \"file\", \"value\": {\"path\": \"a.json\", \"content\": \"e30=\", \"encoding\": \"base64\"}}\n";
  CliRun ndjson = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-read", "--http",
                           "POST /api/models/acme/model/commit/main", "--body", commit});
  EXPECT_EQ(ndjson.exit_code, kExitDeny) << ndjson.err;
  CliRun typed = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-write", "--http",
                          "POST /api/models/acme/model/commit/main", "--body", commit, "--content-type",
                          "application/x-ndjson"});
  EXPECT_EQ(typed.exit_code, kExitAllow) << typed.err;
  CliRun form = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-read", "--http",
                         "POST /api/models/acme/model/paths-info/main", "--body", "paths=config.json&expand=false"});
  EXPECT_EQ(form.exit_code, kExitAllow) << form.err;
  CliRun lfs = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-read", "--http",
                        "POST /acme/model.git/info/lfs/objects/batch", "--body", "{\"operation\": \"download\"}"});
  EXPECT_EQ(lfs.exit_code, kExitAllow) << lfs.err;
  CliRun bad_line = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-write", "--http",
                             "POST /api/models/acme/model/commit/main", "--body",
                             commit + "{\"key\": \"lfsFile\", \"value\": {\"oid\": \"ab\"}}\n"});
  EXPECT_EQ(bad_line.exit_code, kExitBadInput);
  EXPECT_THAT(bad_line.err, HasSubstr("body line 3: lfsFile needs 'path'"));
  CliRun no_body = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-write", "--http",
                            "GET /api/whoami-v2", "--content-type", "application/json"});
  EXPECT_EQ(no_body.exit_code, kExitBadInput);
  EXPECT_THAT(no_body.err, HasSubstr("--content-type goes with --body"));
  CliRun unknown = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-write", "--http",
                            "POST /api/models/acme/model/commit/main", "--body", "{}", "--content-type", "text/html"});
  EXPECT_EQ(unknown.exit_code, kExitBadInput);
  EXPECT_THAT(unknown.err, HasSubstr("unknown content type 'text/html'"));
}

TEST(Routes, FilterIsCaseInsensitiveAndJsonMatchesTheGolden) {
  CliRun branch = Hubperm({"routes", "--filter", "BRANCH"});
  EXPECT_EQ(branch.out.rfind("POST /api/models/{namespace}/{repo}/branch/{rev}\n", 0), 0u) << branch.out;
  EXPECT_EQ(std::count(branch.out.begin(), branch.out.end(), '\n'), 18);  // 6 routes, 3 lines each
  CliRun json = Hubperm({"routes", "--filter", "repos/move", "--format", "json"});
  EXPECT_EQ(json.exit_code, kExitAllow);
  EXPECT_EQ(json.out, ReadFileOrEmpty("testdata/golden/routes_repos_move.json")) << "actual:\n" << json.out;
  CliRun none = Hubperm({"routes", "--filter", "no-such-route"});
  EXPECT_EQ(none.out, "no route matches 'no-such-route'\n");
  CliRun none_json = Hubperm({"routes", "--filter", "no-such-route", "--format", "json"});
  EXPECT_THAT(none_json.out, HasSubstr("\"routes\": []"));
}

// A client method of several requests: each step, its decision, and the step that fails the call.
TEST(Sequence, UploadFolderShowsItsStepsAndTheFailingOne) {
  CliRun r = Hubperm({"explain", "testdata/sequences/world.yaml", "--token", "alice-read", "--operation", "upload_folder",
                      "--repo", "acme/model"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/sequence_upload_folder_explain.txt")) << "actual:\n" << r.out;
  CliRun line = Hubperm({"check", "testdata/sequences/world.yaml", "--token", "alice-write", "--operation",
                         "upload_folder", "--repo", "acme/model"});
  EXPECT_EQ(line.exit_code, kExitAllow);
  EXPECT_EQ(line.out, "ALLOW (upload_folder succeeds: every request the client sends is allowed or caught)\n");
}

// `check --batch`: the world loaded once, one JSON answer per line, a bad line answered with its errors.
const std::string kBatchWorld = "testdata/sequences/world.yaml";
const std::string kBatch = "testdata/batch/mixed.jsonl";

// `json` without the blanks and line breaks outside its strings: the one-line and the indented layouts of
// one document compare equal.
std::string Squeezed(const std::string& json) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size()) out += json[++i];
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\n') {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(Batch, CheckAnswersEveryLineInOrder) {
  CliRun r = Hubperm({"check", kBatchWorld, "--batch", kBatch});
  EXPECT_EQ(r.exit_code, kExitBadInput);  // two lines are bad; the others are answered all the same
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/batch_check.jsonl")) << "actual:\n" << r.out;
  EXPECT_EQ(r.err, ReadFileOrEmpty("testdata/golden/batch_check.err.txt")) << "actual:\n" << r.err;
}

TEST(Batch, ExplainGivesEachAnswerTheWholeExplanation) {
  CliRun r = Hubperm({"explain", kBatchWorld, "--batch", kBatch});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/batch_explain.jsonl")) << "actual:\n" << r.out;
  EXPECT_EQ(r.err, ReadFileOrEmpty("testdata/golden/batch_check.err.txt"));
}

TEST(Batch, StdinIsTheSameAsTheFile) {
  CliRun file = Hubperm({"check", kBatchWorld, "--batch", kBatch});
  CliRun in = Hubperm({"check", kBatchWorld, "--batch", "-"}, ReadFileOrEmpty(kBatch));
  EXPECT_EQ(in.exit_code, file.exit_code);
  std::string expected = file.out;
  for (size_t at = expected.find(kBatch); at != std::string::npos; at = expected.find(kBatch, at)) {
    expected.replace(at, kBatch.size(), "stdin");
  }
  EXPECT_EQ(in.out, expected);
}

// Each answer's result is what `check --format json` prints for the same request alone.
TEST(Batch, EachResultIsTheSingleChecksDocument) {
  const std::vector<std::string> answers = Lines(Hubperm({"check", kBatchWorld, "--batch", kBatch}).out);
  ASSERT_EQ(answers.size(), 9u);
  const std::vector<std::pair<int, std::vector<std::string>>> singles = {
      {0, {"--token", "alice-write", "--operation", "model_info", "--repo", "acme/model"}},
      {1, {"--token", "bob-write", "--http", "POST /api/repos/create", "--body",
           R"({"type": "model", "name": "x", "organization": "acme"})"}},
      {4, {"--token", "alice-fg-model", "--operation", "create_repo", "--repo", "acme/model", "--exist-ok"}},
      {5, {"--token", "alice-write", "--http", "GET /api/jobs/hardware"}},
      {6, {"--token", "alice-fg-write-model", "--permission", "repo.write", "--repo", "acme/model"}},
  };
  for (const auto& [index, flags] : singles) {
    std::vector<std::string> args = {"check", kBatchWorld, "--format", "json"};
    args.insert(args.end(), flags.begin(), flags.end());
    const CliRun single = Hubperm(args);
    const std::string answer = Squeezed(answers[index]);
    EXPECT_NE(answer.find(absl::StrCat("\"exit_code\":", single.exit_code, ",")), std::string::npos) << answer;
    EXPECT_NE(answer.find(absl::StrCat("\"result\":", Squeezed(single.out), ",\"errors\":")), std::string::npos)
        << "line " << index + 1 << ":\n" << answers[index] << "\nsingle:\n" << single.out;
  }
}

struct BatchUsage {
  std::vector<std::string> args;
  std::string message;
};

TEST(Batch, UsageErrorsDecideNothing) {
  const std::vector<BatchUsage> cases = {
      {{"--batch", kBatch, "--token", "alice-write"}, "--batch reads the token and the request from each line; drop --token"},
      {{"--batch", kBatch, "--repo", "acme/model"}, "drop --repo"},
      {{"--batch", kBatch, "--format", "text"}, "--batch writes JSON lines (docs/batch-json.md); drop --format text"},
      {{"--batch", "testdata/batch/missing.jsonl"}, "cannot read 'testdata/batch/missing.jsonl'"},
      {{"--batch", "testdata/batch"}, "is a directory"},
      {{"--batch", ""}, "--batch needs a file of JSON lines, or - for stdin"},
  };
  for (const BatchUsage& c : cases) {
    std::vector<std::string> args = {"check", kBatchWorld};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliRun r = Hubperm(args);
    EXPECT_EQ(r.exit_code, kExitBadInput) << c.message;
    EXPECT_EQ(r.out, "") << c.message;
    EXPECT_THAT(r.err, HasSubstr(c.message));
  }
  // A world with an error: nothing is decided, nothing is printed as if it were.
  const CliRun bad = Hubperm({"check", "testdata/invalid/references.yaml", "--batch", kBatch});
  EXPECT_EQ(bad.exit_code, kExitBadInput);
  EXPECT_EQ(bad.out, "");
  EXPECT_THAT(bad.err, HasSubstr("in the fixtures; nothing was decided"));
}

TEST(Batch, AllAllowedIsExitZeroAndJsonFormatIsAccepted) {
  const std::string lines =
      "{\"token\": \"alice-write\", \"operation\": \"model_info\", \"repo\": \"acme/model\"}\n"
      "{\"token\": \"alice-write\", \"operation\": \"whoami\"}\n";
  CliRun r = Hubperm({"check", kBatchWorld, "--batch", "-", "--format", "json"}, lines);
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(Lines(r.out).size(), 2u);
  EXPECT_EQ(r.err, "hubperm: 2 requests: 2 allowed, 0 denied, 0 not modeled, 0 errors\n");
}

// huggingface_hub issue 2955: the create alone is refused; create_repo(exist_ok=True) falls back to reading
// the repo and succeeds.
TEST(Sequence, CreateRepoExistOkIsTheClientsOutcome) {
  const std::vector<std::string> base = {"check", "testdata/sequences/world.yaml", "--token", "alice-fg-model",
                                         "--operation", "create_repo", "--repo", "acme/model"};
  CliRun alone = Hubperm(base);
  EXPECT_EQ(alone.exit_code, kExitDeny);
  EXPECT_THAT(alone.out, HasSubstr("DENY 403 (token)"));
  std::vector<std::string> exist_ok = base;
  exist_ok.push_back("--exist-ok");
  CliRun client = Hubperm(exist_ok);
  EXPECT_EQ(client.exit_code, kExitAllow) << client.out << client.err;
  exist_ok[0] = "explain";
  exist_ok.insert(exist_ok.end(), {"--format", "json"});
  CliRun json = Hubperm(exist_ok);
  EXPECT_EQ(json.exit_code, kExitAllow);
  EXPECT_EQ(json.out, ReadFileOrEmpty("testdata/golden/sequence_create_repo_exist_ok.json")) << "actual:\n" << json.out;
}

TEST(Sequence, BadArgumentsAreNamed) {
  CliRun ok_elsewhere = Hubperm({"check", "testdata/sequences/world.yaml", "--token", "alice-write", "--operation",
                                 "upload_file", "--repo", "acme/model", "--exist-ok"});
  EXPECT_EQ(ok_elsewhere.exit_code, kExitBadInput);
  EXPECT_THAT(ok_elsewhere.err, HasSubstr("upload_file takes no --exist-ok"));
  CliRun single = Hubperm({"check", "testdata/sequences/world.yaml", "--token", "alice-write", "--operation",
                           "model_info", "--repo", "acme/model", "--exist-ok"});
  EXPECT_EQ(single.exit_code, kExitBadInput);
  EXPECT_THAT(single.err, HasSubstr("model_info takes no --exist-ok"));
  CliRun library = Hubperm({"check", "testdata/sequences/world.yaml", "--token", "alice-write", "--operation",
                            "push_to_hub", "--repo", "acme/model"});
  EXPECT_EQ(library.exit_code, kExitBadInput);
  EXPECT_THAT(library.err, HasSubstr("PreTrainedModel.push_to_hub (transformers)"));
  CliRun token = Hubperm({"check", "testdata/sequences/world.yaml", "--token", "nobody", "--operation", "upload_file",
                          "--repo", "acme/model"});
  EXPECT_EQ(token.exit_code, kExitBadInput);
  EXPECT_THAT(token.err, HasSubstr("unknown token 'nobody'"));
  CliRun type = Hubperm({"check", "testdata/sequences/world.yaml", "--token", "alice-write", "--operation",
                         "Dataset.push_to_hub", "--repo", "acme/model", "--repo-type", "model"});
  EXPECT_EQ(type.exit_code, kExitBadInput);
  EXPECT_THAT(type.err, HasSubstr("Dataset.push_to_hub works on datasets"));
}

// The *_space methods imply a Space.
TEST(Sequence, SpaceMethodsInferTheirType) {
  CliRun r = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-write", "--operation",
                      "duplicate_space", "--repo", "acme/space", "--to", "alice/space-copy"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.out << r.err;
  CliRun wrong = Hubperm({"check", "testdata/clients/world.yaml", "--token", "alice-write", "--operation",
                          "restart_space", "--repo", "acme/space", "--repo-type", "model"});
  EXPECT_EQ(wrong.exit_code, kExitBadInput);
  EXPECT_THAT(wrong.err, HasSubstr("restart_space works on spaces"));
}

// An allowed decision as JSON (the founding goldens are denials): every side allows, no fix.
TEST(Json, AllowedDecisionMatchesTheGolden) {
  CliRun r = Hubperm({"explain", "testdata/spec/world.yaml", "--token", "fg-wes-org", "--http",
                      "POST /api/models/acme/private-model/commit/main", "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitAllow);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/spec_commit_allow.json")) << "actual:\n" << r.out;
}

TEST(Json, ValidateWithAWarningMatchesTheGolden) {
  CliRun r = Hubperm({"validate", "testdata/regressions/scope_placement.yaml", "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitAllow);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/scope_placement_validate.json")) << "actual:\n" << r.out;
}

// Colour: on a terminal unless NO_COLOR is set or --color says otherwise; never in JSON; the coloured
// text is the plain text plus escapes.
struct ColourCase {
  std::string name;
  std::vector<std::string> extra;
  Terminal terminal;
  bool coloured;
};

class ColourTest : public ::testing::TestWithParam<ColourCase> {};

TEST_P(ColourTest, ColoursOnlyWhenWanted) {
  const ColourCase& c = GetParam();
  CliRun r = Hubperm(With(With({"explain", kWorld}, kAsPermission), c.extra), "", c.terminal);
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out.find('\x1b') != std::string::npos, c.coloured) << r.out;
  EXPECT_EQ(StripAnsi(r.out), ReadFileOrEmpty("testdata/golden/founding_permission_explain.txt"));
}

INSTANTIATE_TEST_SUITE_P(
    Terminals, ColourTest,
    ::testing::Values(ColourCase{"NotATerminal", {}, Terminal(), false}, ColourCase{"Terminal", {}, Tty(), true},
                      ColourCase{"TerminalWithNoColor", {}, Tty("1"), false},
                      ColourCase{"TerminalWithEmptyNoColor", {}, Tty(""), true},
                      ColourCase{"AlwaysToAFile", {"--color", "always"}, Terminal(), true},
                      ColourCase{"AlwaysBeatsNoColor", {"--color=always"}, Tty("1"), true},
                      ColourCase{"Never", {"--color", "never"}, Tty(), false}),
    [](const ::testing::TestParamInfo<ColourCase>& info) { return info.param.name; });

TEST(Colour, TheVerdictsAreTheColouredWords) {
  CliRun r = Hubperm(With({"check", kWorld}, kAsPermission), "", Tty());
  EXPECT_THAT(r.out, ::testing::StartsWith("\x1b[1;31mDENY\x1b[0m 403 (token)"));
  CliRun allow = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "whoami"}, "", Tty());
  EXPECT_EQ(allow.out, "\x1b[1;32mALLOW\x1b[0m\n");
}

TEST(Colour, JsonIsNeverColoured) {
  CliRun r = Hubperm(With({"explain", kWorld, "--format", "json", "--color", "always"}, kAsPermission), "", Tty());
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_permission_explain.json"));
}

TEST(Colour, ErrorsOnATerminalAreColouredAndNoColorTurnsThemOff) {
  CliRun tty = Hubperm({"validate", "testdata/invalid/references.yaml"}, "", Tty());
  EXPECT_THAT(tty.err, HasSubstr("\x1b[1;31merror:\x1b[0m"));
  EXPECT_EQ(StripAnsi(tty.err), ReadFileOrEmpty("testdata/invalid/references.golden"));
  CliRun no_color = Hubperm({"validate", "testdata/invalid/references.yaml"}, "", Tty("yes"));
  EXPECT_EQ(no_color.err, ReadFileOrEmpty("testdata/invalid/references.golden"));
}

TEST(FoundingScenario, AllowedRequestExitsZero) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "whoami"});
  EXPECT_EQ(r.exit_code, kExitAllow);
  EXPECT_EQ(r.out, "ALLOW\n");
}

struct ErrorCase {
  std::string name;
  std::vector<std::string> args;
  std::string stderr_has;
};

class CliErrorTest : public ::testing::TestWithParam<ErrorCase> {};

// Every error class: exit 2, a message that names the problem (and the fix), nothing on stdout.
TEST_P(CliErrorTest, ExitsTwoWithAClearMessage) {
  CliRun r = Hubperm(GetParam().args);
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(GetParam().stderr_has));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, CliErrorTest,
    ::testing::Values(
        ErrorCase{"UnknownToken", {"check", kWorld, "--token", "limted-test-token", "--operation", "whoami"},
                  "hubperm: error: unknown token 'limted-test-token'; did you mean 'limited-test-token'?"},
        ErrorCase{"UnknownRoute", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/crate"},
                  "unknown route 'POST /api/repos/crate'; the nearest known routes:\n  POST /api/repos/create"},
        ErrorCase{"UnknownMethod", {"check", kWorld, "--token", "limited-test-token", "--operation", "create_rep"},
                  "unknown huggingface_hub method 'create_rep'; the nearest known: create_repo, create_tag, create_branch"},
        ErrorCase{"UnknownRepo", {"check", kWorld, "--token", "limited-test-token", "--operation", "model_info", "--repo", "acme/token-test-modl"},
                  "unknown model 'acme/token-test-modl'; did you mean 'acme/token-test-model'?"},
        ErrorCase{"WrongRepoType", {"check", kWorld, "--token", "limited-test-token", "--http", "GET /api/datasets/acme/token-test-model"},
                  "'acme/token-test-model' is a model"},
        ErrorCase{"BadBody", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "{\"name\": "},
                  "the body is not valid JSON or YAML"},
        ErrorCase{"BodyTypo", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "{\"name\": \"x\", \"organisation\": \"acme\"}"},
                  "did you mean 'organization'?"},
        ErrorCase{"MissingFile", {"check", "testdata/nope.yaml", "--token", "t", "--operation", "whoami"}, "cannot read 'testdata/nope.yaml'"},
        ErrorCase{"DirectoryAsFixture", {"check", "testdata/founding", "--token", "t", "--operation", "whoami"}, "'testdata/founding' is a directory"},
        ErrorCase{"InvalidFixture", {"check", "testdata/invalid/references.yaml", "--token", "t", "--operation", "whoami"},
                  "11 errors in the fixtures; nothing was decided"},
        ErrorCase{"NoToken", {"check", kWorld, "--operation", "whoami"}, "check needs --token NAME"},
        ErrorCase{"NoRequest", {"check", kWorld, "--token", "limited-test-token"},
                  "no request: give --http 'VERB PATH', --operation METHOD, --permission PERMISSION or --from-error"},
        ErrorCase{"TwoRequests", {"check", kWorld, "--token", "x", "--operation", "whoami", "--http", "GET /api/whoami-v2"},
                  "more than one request: give exactly one of --http"},
        ErrorCase{"NoFiles", {"explain", "--token", "x", "--operation", "whoami"}, "explain needs at least one fixture file"},
        ErrorCase{"UnknownOption", {"check", kWorld, "--tokn", "x"}, "unknown option '--tokn'; did you mean '--token'"},
        ErrorCase{"OptionWithoutValue", {"check", kWorld, "--token"}, "--token needs a value"},
        ErrorCase{"BadRepoType", {"check", kWorld, "--repo-type", "modle"}, "--repo-type must be model, dataset or space"},
        ErrorCase{"UnknownCommand", {"chekc", kWorld}, "unknown command 'chekc'; did you mean 'check'?"},
        ErrorCase{"BadFormat", {"check", kWorld, "--format", "yaml"}, "--format must be text or json (or html, for audit and diff), not 'yaml'"},
        ErrorCase{"HtmlIsForAudit", {"check", kWorld, "--format", "html"}, "--format html applies to audit and diff only; check takes text or json"},
        ErrorCase{"AuditNeedsFiles", {"audit"}, "audit needs at least one fixture file"},
        ErrorCase{"AuditTakesNoToken", {"audit", kWorld, "--token", "t"}, "--token does not apply to audit"},
        ErrorCase{"MoveIntoAnotherOrgsGroup",
                  {"check", "testdata/spec/world.yaml", "--token", "w-adam", "--http", "POST /api/models/strict/m/resource-group",
                   "--body", "{\"resourceGroupId\": \"research\"}"},
                  "resource group 'research' belongs to org 'acme'; strict/m is not in that org's namespace"},
        ErrorCase{"MethodNeedsRepo", {"check", kWorld, "--token", "limited-test-token", "--operation", "create_commit"}, "create_commit needs --repo"},
        ErrorCase{"MethodTakesNoSuchArgument", {"check", kWorld, "--token", "limited-test-token", "--operation", "whoami", "--repo", "acme/x"},
                  "whoami takes no --repo"},
        ErrorCase{"CreateRepoTakesTheNamespaceFromRepo",
                  {"check", kWorld, "--token", "limited-test-token", "--operation", "create_repo", "--repo", "x", "--org", "acme"},
                  "create_repo takes no --org (the namespace is in --repo NS/NAME)"},
        ErrorCase{"UserGoesWithPermission", {"check", kWorld, "--token", "limited-test-token", "--operation", "whoami", "--user", "alice"},
                  "--user goes with --permission"},
        ErrorCase{"HttpNamesItsOwnTarget", {"check", kWorld, "--token", "limited-test-token", "--http", "GET /api/whoami-v2", "--org", "acme"},
                  "--org goes with --operation or --permission; with --http, the path and the body name the target"},
        ErrorCase{"UnknownPermission", {"check", kWorld, "--token", "limited-test-token", "--permission", "repo.wirte", "--org", "acme"},
                  "unknown permission 'repo.wirte'; did you mean 'repo.write'?"},
        ErrorCase{"PermissionNotModelled", {"check", kWorld, "--token", "limited-test-token", "--permission", "post.write", "--user", "alice"},
                  "post.write guards nothing hubperm models yet"},
        ErrorCase{"PermissionWithoutTarget", {"check", kWorld, "--token", "limited-test-token", "--permission", "org.read"},
                  "--permission needs exactly one target"},
        ErrorCase{"PermissionOnTheWrongTarget", {"check", kWorld, "--token", "limited-test-token", "--permission", "org.read", "--repo", "acme/token-test-model"},
                  "hubperm cannot ask org.read on model acme/token-test-model as one request; org.read can be asked with --org ORG"},
        ErrorCase{"UserIsAnOrg", {"check", kWorld, "--token", "limited-test-token", "--permission", "repo.write", "--user", "acme"},
                  "'acme' is an org, not a user (use --org acme)"},
        ErrorCase{"OrgIsAUser", {"check", kWorld, "--token", "limited-test-token", "--permission", "org.read", "--org", "alice"},
                  "'alice' is a user, not an org"},
        ErrorCase{"UnknownUser", {"check", kWorld, "--token", "limited-test-token", "--permission", "repo.write", "--user", "alcie"},
                  "unknown user 'alcie'; did you mean 'alice'?"},
        ErrorCase{"OptionNotForTheCommand", {"validate", kWorld, "--token", "limited-test-token"},
                  "--token does not apply to validate (see hubperm validate --help)"},
        ErrorCase{"OptionTwice", {"check", kWorld, "--token", "a", "--token", "b", "--operation", "whoami"},
                  "--token is given twice; give it once"},
        ErrorCase{"BadColor", {"check", kWorld, "--color", "sometimes"}, "--color must be auto, always or never, not 'sometimes'"},
        ErrorCase{"HelpForAnUnknownCommand", {"help", "chek"}, "unknown command 'chek'; did you mean 'check'?"},
        ErrorCase{"MoveNeedsADestination", {"check", kWorld, "--token", "limited-test-token", "--operation", "move_repo", "--repo", "acme/token-test-model"},
                  "move_repo needs --to NAMESPACE/NAME"},
        ErrorCase{"MoveToAnUnknownNamespace",
                  {"check", kWorld, "--token", "limited-test-token", "--operation", "move_repo", "--repo", "acme/token-test-model", "--to", "acne/m"},
                  "unknown namespace 'acne'; did you mean 'acme'?"},
        ErrorCase{"ToGoesWithMoveOnly", {"check", kWorld, "--token", "limited-test-token", "--operation", "whoami", "--to", "acme/m"},
                  "whoami takes no --to"},
        ErrorCase{"ToIsNotForThePermissionForm",
                  {"check", kWorld, "--token", "limited-test-token", "--permission", "repo.write", "--org", "acme", "--to", "acme/x"},
                  "--to goes with --operation move_repo, not with --permission"},
        ErrorCase{"RoutesTakesNoFiles", {"routes", kWorld}, "routes takes no files"},
        ErrorCase{"FilterIsForRoutes", {"check", kWorld, "--filter", "x"}, "--filter does not apply to check"},
        ErrorCase{"MissingBodyFile", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "@nope.json"},
                  "cannot read body file 'nope.json'"},
        ErrorCase{"EndlessBodyFile", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "@/dev/zero"},
                  "'/dev/zero' is not a regular file (a FIFO, a device or a socket); give a file, or '-' for stdin"},
        ErrorCase{"EndlessErrorFile", {"check", kWorld, "--token", "limited-test-token", "--from-error", "@/dev/zero"},
                  "'/dev/zero' is not a regular file"},
        ErrorCase{"DirectoryAsBodyFile", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "@testdata"},
                  "'testdata' is a directory, not a file"},
        ErrorCase{"DeviceAsFixture", {"check", "/dev/zero", "--token", "t", "--operation", "whoami"}, "'/dev/zero' is not a regular file"},
        ErrorCase{"EmptyJunitPath", {"test", kWorld, "--junit", ""}, "--junit needs a file name to write the report to"},
        ErrorCase{"MaxIssuesIsANumber", {"validate", kWorld, "--max-issues", "0"}, "--max-issues takes a number from 1 to 1000000, not '0'"},
        ErrorCase{"ControlsInAnOptionAreEscaped", {"validate", kWorld, "--\x1b[2Jx"}, "unknown option '--\\x1B[2Jx'"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(Cli, Version) {
  CliRun version = Hubperm({"--version"});
  EXPECT_EQ(version.exit_code, kExitAllow);
  EXPECT_THAT(version.out, ::testing::MatchesRegex("hubperm [0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

TEST(Help, GeneralHelp) {
  CliRun help = Hubperm({"--help"});
  EXPECT_EQ(help.exit_code, kExitAllow);
  EXPECT_THAT(help.out, HasSubstr("Exit codes: 0 allowed"));
  EXPECT_THAT(help.out, HasSubstr("hubperm explain testdata/founding/world.yaml"));
  EXPECT_EQ(Hubperm({"help"}).out, help.out);
  // No arguments at all is a usage error: the usage goes to stderr, stdout stays empty.
  CliRun none = Hubperm({});
  EXPECT_EQ(none.exit_code, kExitBadInput);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, help.out);
}

const std::vector<std::string> kCommands = {"check", "explain", "validate", "test", "routes"};

TEST(Help, EveryCommandHasItsOwnHelp) {
  for (const std::string& command : kCommands) {
    CliRun r = Hubperm({command, "--help"});
    EXPECT_EQ(r.exit_code, kExitAllow) << command;
    EXPECT_THAT(r.out, ::testing::StartsWith("hubperm " + command + " ")) << command;
    EXPECT_THAT(r.out, HasSubstr("Exit codes:")) << command;
    EXPECT_THAT(r.out, HasSubstr("Examples:")) << command;
    EXPECT_EQ(Hubperm({"help", command}).out, r.out) << command;
    // --help wins over everything else on the line, even an otherwise bad one.
    EXPECT_EQ(Hubperm({command, kWorld, "--tokn", "x", "--help"}).out, r.out) << command;
  }
  EXPECT_THAT(Hubperm({"check", "--help"}).out, HasSubstr("--permission PERMISSION"));
}

// The examples of a help text: after its "Example" heading, each line that starts with "  hubperm ", joined with its "\"
// continuation lines, split into words as a shell would (single quotes only, which is all they use).
std::vector<std::vector<std::string>> Examples(const std::string& help) {
  std::vector<std::vector<std::string>> examples;
  std::istringstream lines(help);
  std::string line, command;
  bool continuing = false, in_examples = false;
  while (std::getline(lines, line)) {
    if (line.rfind("Example", 0) == 0) in_examples = true;  // "Examples:" or "Example (...):"
    if (!in_examples || (!continuing && line.rfind("  hubperm ", 0) != 0)) continue;
    continuing = !line.empty() && line.back() == '\\';
    command += continuing ? line.substr(0, line.size() - 1) : line;
    if (continuing) continue;
    std::vector<std::string> words;
    std::string word;
    bool quoted = false, in_word = false;
    for (char ch : command) {
      if (ch == '\'') {
        quoted = !quoted;
        in_word = true;
      } else if (ch == ' ' && !quoted) {
        if (in_word) words.push_back(word);
        word.clear();
        in_word = false;
      } else {
        word += ch;
        in_word = true;
      }
    }
    if (in_word) words.push_back(word);
    examples.push_back(std::vector<std::string>(words.begin() + 1, words.end()));
    command.clear();
  }
  return examples;
}

// Every example in every help text runs: it decides (exit 0 or 1), or answers that hubperm does not model
// the route (exit 3), and prints no error.
TEST(Help, EveryExampleRuns) {
  std::vector<std::string> helps = {Hubperm({"--help"}).out};
  for (const std::string& command : kCommands) helps.push_back(Hubperm({command, "--help"}).out);
  int run = 0;
  for (const std::string& help : helps) {
    for (const std::vector<std::string>& example : Examples(help)) {
      CliRun r = Hubperm(example);
      const std::string line = ::testing::PrintToString(example);
      EXPECT_TRUE(r.exit_code == kExitAllow || r.exit_code == kExitDeny || r.exit_code == kExitUnmodeled)
          << line << "\n" << r.err;
      // A batch ends stderr with its counts, and writes nothing else there when every line is good.
      const bool batch = std::find(example.begin(), example.end(), "--batch") != example.end();
      if (batch) {
        EXPECT_THAT(r.err, ::testing::MatchesRegex("hubperm: [0-9]+ requests: .* 0 errors\n")) << line;
      } else {
        EXPECT_EQ(r.err, "") << line;
      }
      EXPECT_NE(r.out, "") << line;
      ++run;
    }
  }
  EXPECT_GE(run, 13);
}

TEST(Validate, ValidFixtureExitsZero) {
  CliRun r = Hubperm({"validate", kWorld});
  EXPECT_EQ(r.exit_code, kExitAllow);
  EXPECT_EQ(r.out, "1 file: 0 errors, 0 warnings\n");
  EXPECT_EQ(r.err, "");
}

TEST(Validate, JsonListsEveryIssue) {
  CliRun r = Hubperm({"validate", "testdata/invalid/references.yaml", "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/references_validate.json")) << "actual:\n" << r.out;
  CliRun ok = Hubperm({"validate", kWorld, "--format", "json"});
  EXPECT_EQ(ok.exit_code, kExitAllow);
  EXPECT_THAT(ok.out, HasSubstr("\"errors\": 0,\n  \"warnings\": 0,\n  \"omitted\": 0,\n  \"issues\": []"));
}

// Every broken fixture in testdata/invalid/ reports exactly its golden list of errors.
TEST(Validate, InvalidCorpusMatchesGoldens) {
  const std::vector<std::string> fixtures = YamlFilesIn("testdata/invalid");
  ASSERT_GE(fixtures.size(), 5u);
  for (const std::string& path : fixtures) {
    CliRun r = Hubperm({"validate", path});
    EXPECT_EQ(r.exit_code, kExitBadInput) << path;
    const std::string golden = ReadFileOrEmpty(path.substr(0, path.size() - 5) + ".golden");
    EXPECT_FALSE(golden.empty()) << path;
    EXPECT_EQ(r.err, golden) << path << " actual:\n" << r.err;
  }
}

}  // namespace
}  // namespace hubperm

namespace hubperm {
namespace {

TEST(Catalogue, AnUnmodeledRouteIsAnsweredWithItsReasonAndExitCode3) {
  EXPECT_THAT(Hubperm({"check", "--help"}).out, HasSubstr("3 a route of the\nHub's API that hubperm does not model"));
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--http", "GET https://huggingface.co/api/jobs/hardware"});
  EXPECT_EQ(r.exit_code, kExitUnmodeled);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("NOT MODELED GET /api/jobs/hardware is not modeled: Jobs"));
  CliRun json = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "GET /api/papers/2401.00001",
                         "--format", "json"});
  EXPECT_EQ(json.exit_code, kExitUnmodeled);
  EXPECT_THAT(json.out, HasSubstr("\"schema\": \"hubperm.unmodeled/v1\""));
  EXPECT_THAT(json.out, HasSubstr("\"unmodeled\": \"papers\""));
  CliRun method = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "run_job"});
  EXPECT_EQ(method.exit_code, kExitUnmodeled);
  EXPECT_THAT(method.out, HasSubstr("NOT MODELED POST /api/jobs/{namespace} is not modeled: Jobs"));
}

TEST(Catalogue, MethodsAndRoutesDecideAlike) {
  // super_squash_history is decided as write_repo, named as the method in the explanation.
  CliRun method = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--operation", "super_squash_history",
                           "--repo", "acme/token-test-model"});
  CliRun http = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http",
                         "POST https://huggingface.co/api/models/acme/token-test-model/super-squash/main"});
  EXPECT_EQ(method.exit_code, kExitDeny);
  EXPECT_EQ(method.out, http.out);
  EXPECT_THAT(method.out, HasSubstr("DENY  super_squash_history: model acme/token-test-model\n"
                                    "  route POST /api/models/{namespace}/{repo}/super-squash/{rev}, decided as write_repo\n"));
  EXPECT_THAT(method.out, HasSubstr("super_squash_history needs write access"));
  EXPECT_THAT(method.out, HasSubstr("what write_repo requires of the user or the token is assumed"));
  // A route the spec does not name, decided as an operation it does: the mapping is the assumption.
  CliRun tree = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--operation", "list_repo_tree", "--repo",
                         "acme/token-test-model"});
  EXPECT_THAT(tree.out, HasSubstr("that GET /api/models/{namespace}/{repo}/tree/{rev}/{path} needs what repo_info needs "
                                  "is assumed (the route catalogue)"));
}

TEST(Catalogue, AuthCheckWithWriteIsTheWriteRoute) {
  CliRun read = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "auth_check", "--repo",
                         "acme/token-test-model"});
  CliRun write = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "auth_check", "--write",
                          "--repo", "acme/token-test-model"});
  EXPECT_THAT(read.out, HasSubstr("lacks repo.content.read"));
  EXPECT_THAT(write.out, HasSubstr("lacks repo.write"));
  CliRun no_write = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "model_info", "--write",
                             "--repo", "acme/token-test-model"});
  EXPECT_EQ(no_write.exit_code, kExitBadInput);
  EXPECT_THAT(no_write.err, HasSubstr("model_info takes no --write"));
}

TEST(Catalogue, DuplicateRepoNeedsTheCopysName) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "duplicate_repo", "--repo",
                      "acme/token-test-model"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("duplicate_repo needs --to NAMESPACE/NAME (where duplicate_repo puts the repo)"));
}

TEST(Catalogue, AnUnknownMethodNamesTheThreeNearest) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "uplod_file", "--repo", "acme/m"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("unknown huggingface_hub method 'uplod_file'; the nearest known: upload_file, "));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), ','), 2) << r.err;
}

constexpr char kFounding403[] =
    "huggingface_hub.errors.HfHubHTTPError: (Request ID: Root=1-6740c0de)\n\n"
    "403 Forbidden: You don't have the rights to create a model under the namespace \"acme\"..\n"
    "Cannot access content at: https://huggingface.co/api/repos/create.\n"
    "Make sure your token has the correct permissions.";

TEST(FromError, APasted403IsExplained) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--from-error", "-"}, kFounding403);
  // The body is not in the error, but the Hub's message names the type and the namespace.
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_THAT(r.out, HasSubstr("Request: POST https://huggingface.co/api/repos/create\n"));
  EXPECT_THAT(r.out, HasSubstr("The Hub answered:   403 You don't have the rights to create a model under the "
                               "namespace \"acme\".\nThe world predicts: 403 You don't have the rights to create a model "
                               "under the namespace \"acme\". (the same status)\n"));
  EXPECT_THAT(r.out, HasSubstr("token side   DENY   token limited-test-token lacks repo.write on a new model in org acme"));
  EXPECT_THAT(r.out, HasSubstr("add repo.write scoped to org acme to token limited-test-token"));
  CliRun delete_repo = Hubperm({"check", kWorld, "--token", "limited-test-token", "--from-error",
                                "403 Forbidden: None.\nCannot access content at: https://huggingface.co/api/repos/delete."});
  EXPECT_EQ(delete_repo.exit_code, kExitBadInput);
  EXPECT_THAT(delete_repo.err, HasSubstr("the error does not say what DELETE /api/repos/delete acted on"));
}

TEST(FromError, ACommitRefusedAsTheWorldPredicts) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--from-error",
                      "403 Forbidden: None.\nCannot access content at: "
                      "https://huggingface.co/api/models/acme/token-test-model/commit/main.\n"
                      "Make sure your token has the correct permissions."});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_THAT(r.out, HasSubstr("Request: POST https://huggingface.co/api/models/acme/token-test-model/commit/main\n"));
  // The world says 404 (the token cannot read the private model), the Hub said 403: the repo is likely public.
  EXPECT_THAT(r.out, HasSubstr("The world predicts: 404 Repository not found (X-Error-Code: RepoNotFound) (not the Hub's answer)"));
  EXPECT_THAT(r.out, HasSubstr("Likely wrong in the fixtures: the Hub shows the repo to the user"));
}

TEST(FromError, A404ForAReadIsTakenAsTheGet) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--from-error",
                      "404 Client Error.\n\nRepository Not Found for url: "
                      "https://huggingface.co/api/models/acme/token-test-model/discussions."});
  EXPECT_THAT(r.out, HasSubstr("Request: GET https://huggingface.co/api/models/acme/token-test-model/discussions\n"));
  EXPECT_THAT(r.out, HasSubstr("the same URL with POST is decided otherwise: --http 'POST "));
  EXPECT_THAT(r.out, HasSubstr("The Hub answered:   404 (repository not found, no message printed)\n"
                               "The world predicts: 404 Repository not found (X-Error-Code: RepoNotFound) (the same status)"));
}

TEST(FromError, RefusesTextWithoutAUrlAndOtherRequestFlags) {
  CliRun none = Hubperm({"check", kWorld, "--token", "limited-test-token", "--from-error", "it failed"});
  EXPECT_EQ(none.exit_code, kExitBadInput);
  EXPECT_THAT(none.err, HasSubstr("no URL in the error text"));
  CliRun missing = Hubperm({"check", kWorld, "--token", "limited-test-token", "--from-error", "@nope.txt"});
  EXPECT_EQ(missing.exit_code, kExitBadInput);
  EXPECT_THAT(missing.err, HasSubstr("cannot read error file 'nope.txt'"));
  CliRun both = Hubperm({"check", kWorld, "--token", "limited-test-token", "--from-error", kFounding403, "--repo", "acme/m"});
  EXPECT_EQ(both.exit_code, kExitBadInput);
  EXPECT_THAT(both.err, HasSubstr("--from-error names the request itself"));
}

}  // namespace
}  // namespace hubperm
