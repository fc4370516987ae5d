// Copyright 2026 The hubperm Authors.
//
// The official clients as recorded (testdata/clients/, tools/clients/record.sh): huggingface_hub and
// @huggingface/hub, every request they sent to a local stand-in for the Hub. Replayed through the
// engine, in testdata/clients/world.yaml (alice, an admin of acme, with a classic read and a classic
// write token):
//   - every request is decided, or answered NOT MODELED with its reason: never an unknown route or a
//     refused body;
//   - a read is allowed to alice's read token; a write is denied to it and allowed to her write token;
//   - routes.yaml lists each client method on the row of every request it sent;
//   - every public HfApi method that sent a request is known to --operation;
//   - a method of several requests sent them in the order its sequence (sequences.yaml) says.

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/types/optional.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/common/diagnostics.h"
#include "policy/hubperm.h"
#include "policy/load/yaml_tree.h"

namespace hubperm {
namespace {

constexpr const char* kWorld = "testdata/clients/world.yaml";

// One recorded request, or one call's outcome.
struct Recorded {
  std::string where;  // "file:line"
  Client client = Client::kPython;
  std::string call;   // the driver's label: the method, or the method and how it was called
  std::string method, target, content_type;
  absl::optional<std::string> body;
  bool hub = true;
  bool request = false;  // false: an outcome line
};

std::string Scalar(const YamlNode& map, const std::string& key) {
  for (size_t i = 0; i < map.map_size(); ++i) {
    if (map.key(i).scalar == key && map.value(i).is_scalar()) return map.value(i).scalar;
  }
  return "";
}

bool Has(const YamlNode& map, const std::string& key) {
  for (size_t i = 0; i < map.map_size(); ++i) {
    if (map.key(i).scalar == key) return true;
  }
  return false;
}

// The lines of a recording; its first line names the client.
std::vector<Recorded> ReadRecording(const std::string& path) {
  std::vector<Recorded> out;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::string line;
  int number = 0;
  Client client = Client::kPython;
  while (std::getline(in, line)) {
    ++number;
    SourceFiles files;
    const int file = files.Add(path, line);
    Diagnostics d;
    absl::optional<YamlNode> node = ParseYaml(files.text(file), file, &d);
    const std::string where = absl::StrCat(path, ":", number);
    if (d.has_errors() || !node.has_value() || !node->is_map()) {
      ADD_FAILURE() << where << ": not a JSON object";
      continue;
    }
    if (number == 1) {
      absl::optional<Client> c = ParseClient(Scalar(*node, "client"));
      EXPECT_TRUE(c.has_value()) << where << ": unknown client '" << Scalar(*node, "client") << "'";
      if (c.has_value()) client = *c;
      EXPECT_FALSE(Scalar(*node, "version").empty()) << where << ": the client's version";
      continue;
    }
    Recorded r;
    r.where = where;
    r.client = client;
    r.call = Scalar(*node, "call");
    r.request = Has(*node, "method");
    r.method = Scalar(*node, "method");
    r.target = Scalar(*node, "target");
    r.content_type = Scalar(*node, "content_type");
    if (Has(*node, "body")) r.body = Scalar(*node, "body");
    r.hub = Scalar(*node, "hub") != "false";
    out.push_back(std::move(r));
  }
  return out;
}

// The HTTP request `r` records, its body read in the content type it was sent with.
absl::StatusOr<RequestInput> InputOf(const Recorded& r) {
  RequestInput input;
  input.http = absl::StrCat(r.method, " ", r.target);
  if (r.body.has_value()) {
    absl::StatusOr<RequestBody> body = ParseRequestBody(*r.body, r.content_type);
    if (!body.ok()) return body.status();
    input.body = *std::move(body);
  }
  return input;
}

std::vector<Recorded> AllRecorded() {
  std::vector<Recorded> all;
  for (const char* path : {"testdata/clients/huggingface_hub.jsonl", "testdata/clients/huggingface_js_hub.jsonl"}) {
    for (Recorded& r : ReadRecording(path)) all.push_back(std::move(r));
  }
  return all;
}

// Whether a request only reads. Every GET and HEAD but those that show what only writers see, and the
// POSTs that only ask, each from the client's own documentation; the LFS batch API by its body.
bool Reads(const Recorded& r, const RequestBody& body) {
  struct Exception {
    const char* verb;
    const char* path_part;
    bool reads;
    const char* why;
  };
  static const Exception kExceptions[] = {
      {"GET", "/secrets", false, "get_space_secrets: a Space's secrets are its settings, for those who write it"},
      {"GET", "/lfs-files", false, "list_lfs_files: the Storage page of the repo's settings"},
      {"GET", "/auth-check/write", false, "auth_check(write=True): asks for write access"},
      {"GET", "/user-access-request/", false, "list_*_access_requests: 403 with a read token (huggingface_hub)"},
      {"POST", "/paths-info/", true, "get_paths_info: the files' metadata, as a listing"},
  };
  for (const Exception& e : kExceptions) {
    if (r.method == e.verb && absl::StrContains(r.target, e.path_part)) return e.reads;
  }
  if (absl::StrContains(r.target, "/info/lfs/objects/batch")) {
    const std::string* operation = body.Field("operation");
    return operation != nullptr && *operation == "download";
  }
  return r.method == "GET" || r.method == "HEAD";
}

// The method name in a driver's label: "create_repo(exist_ok=True) on a repo that exists" is
// create_repo; "auth_check(write=True)" is listed as it is.
std::vector<std::string> NamesOf(const std::string& call) {
  const std::string word = call.substr(0, call.find(' '));
  return {word, word.substr(0, word.find('('))};
}

class ClientRecordingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded_ = new LoadResult(Engine::Load({kWorld}));
    recorded_ = new std::vector<Recorded>(AllRecorded());
  }
  static void TearDownTestSuite() {
    delete loaded_;
    delete recorded_;
  }
  static LoadResult* loaded_;
  static std::vector<Recorded>* recorded_;
};
LoadResult* ClientRecordingsTest::loaded_ = nullptr;
std::vector<Recorded>* ClientRecordingsTest::recorded_ = nullptr;

TEST_F(ClientRecordingsTest, EveryRequestIsDecidedOrNotModeledAndReadsAndWritesHold) {
  ASSERT_TRUE(loaded_->ok()) << loaded_->RenderIssues();
  const Engine& engine = *loaded_->engine;
  int decided = 0, unmodeled = 0, reads = 0, writes = 0;
  for (const Recorded& r : *recorded_) {
    if (!r.request || !r.hub) continue;
    const std::string asked = absl::StrCat(r.where, " (", r.call, "): ", r.method, " ", r.target);
    const absl::StatusOr<RequestInput> given = InputOf(r);
    ASSERT_TRUE(given.ok()) << asked << ": " << given.status();
    const RequestInput& input = *given;
    const RequestBody body = input.body.value_or(RequestBody());
    absl::StatusOr<RequestDescription> description = ParseRequest(input);
    ASSERT_TRUE(description.ok()) << asked << ": " << description.status();
    if (!description->modeled()) {
      EXPECT_THAT(UnmodeledText(*description), ::testing::HasSubstr(" is not modeled: ")) << asked;
      ++unmodeled;
      continue;
    }
    absl::StatusOr<ResolvedRequest> by_read = engine.Resolve("alice-read", input);
    absl::StatusOr<ResolvedRequest> by_write = engine.Resolve("alice-write", input);
    ASSERT_TRUE(by_read.ok()) << asked << ": " << by_read.status();
    ASSERT_TRUE(by_write.ok()) << asked << ": " << by_write.status();
    const Decision read = engine.Check(*by_read);
    const Decision write = engine.Check(*by_write);
    ++decided;
    EXPECT_TRUE(write.allowed) << asked << ": denied to alice's write token (status " << write.status << ")";
    if (Reads(r, body)) {
      ++reads;
      EXPECT_TRUE(read.allowed) << asked << ": a read, denied to alice's read token (status " << read.status << ")";
    } else {
      ++writes;
      EXPECT_FALSE(read.allowed) << asked << ": a write, allowed to alice's read token";
      EXPECT_FALSE(read.token.allowed) << asked << ": the read token's side must deny";
    }
  }
  // Both clients, and both kinds of request, are in the recordings.
  EXPECT_GT(decided, 200);
  EXPECT_GT(unmodeled, 50);
  EXPECT_GT(reads, 50);
  EXPECT_GT(writes, 50);
}

TEST_F(ClientRecordingsTest, TheCatalogueListsEveryMethodOnEveryRowItSent) {
  std::set<std::string> missing;
  for (const Recorded& r : *recorded_) {
    if (!r.request || !r.hub) continue;
    const absl::StatusOr<RequestInput> input = InputOf(r);
    ASSERT_TRUE(input.ok()) << r.where << ": " << input.status();
    absl::StatusOr<RequestDescription> description = ParseRequest(*input);
    ASSERT_TRUE(description.ok()) << r.where << ": " << description.status();
    const CatalogueRoute& route = *description->asked.route;
    const std::vector<std::string> listed = route.CalledBy(r.client);
    bool found = false;
    for (const std::string& name : NamesOf(r.call)) {
      found = found || std::find(listed.begin(), listed.end(), name) != listed.end();
    }
    if (!found) {
      missing.insert(absl::StrCat(route.Where(), " ", route.Name(), ": ", r.client == Client::kPython ? "hf_api or steps_of"
                                                                                                       : "js",
                                  " lacks ", NamesOf(r.call)[1], " (", r.where, ")"));
    }
  }
  EXPECT_THAT(missing, ::testing::IsEmpty());
}

TEST_F(ClientRecordingsTest, EveryRecordedHfApiMethodIsKnownToTheMethodForm) {
  // The driver calls every public HfApi method once under its own name, then the variants.
  std::set<std::string> sent;  // methods that sent at least one request
  for (const Recorded& r : *recorded_) {
    if (r.client == Client::kPython && r.request) sent.insert(r.call);
  }
  EXPECT_GT(sent.size(), 140u);
  for (const std::string& method : sent) {
    if (absl::StrContains(method, " ") || absl::StrContains(method, "(")) continue;  // a variant
    EXPECT_FALSE(BuiltinCatalogue().RoutesOfMethod(method).empty())
        << method << " sends requests but --operation does not know it";
  }
}

// The catalogue row a recorded request matches.
const CatalogueRoute* RouteOf(const Recorded& r) {
  const absl::StatusOr<RequestInput> input = InputOf(r);
  if (!input.ok()) return nullptr;
  absl::StatusOr<RequestDescription> description = ParseRequest(*input);
  return description.ok() ? description->asked.route : nullptr;
}

TEST_F(ClientRecordingsTest, EachSequenceIsTheOrderTheClientSentItsRequests) {
  int checked = 0;
  for (const SequenceRow& row : BuiltinSequences().rows()) {
    std::vector<const CatalogueRoute*> step_routes;
    for (const SequenceStep& step : row.steps) {
      const absl::StatusOr<RouteMatch> match = MatchHttpRequest(FillStep(step.http, RepoType::kModel, "acme/m"));
      ASSERT_TRUE(match.ok()) << row.method << ": " << step.http;
      step_routes.push_back(match->route);
    }
    for (const std::string& call : row.recorded) {
      std::vector<const CatalogueRoute*> sent;
      for (const Recorded& r : *recorded_) {
        if (r.request && r.hub && r.call == call && r.client == Client::kPython) sent.push_back(RouteOf(r));
      }
      ASSERT_FALSE(sent.empty()) << row.method << ": no recorded call '" << call << "'";
      // Every request sent is a step; the first time each is sent comes in the steps' order (a client may
      // repeat a step: a paths-info per file, a worker's next round).
      int last = -1;
      std::set<const CatalogueRoute*> seen;
      for (const CatalogueRoute* route : sent) {
        ASSERT_NE(route, nullptr) << call;
        // Model and other repo types share a row only when the row serves every type: compare by name
        // with the type's segment normalised through the step's own route.
        int index = -1;
        for (size_t i = 0; i < step_routes.size(); ++i) {
          if (step_routes[i]->method == route->method &&
              (step_routes[i] == route || absl::StrReplaceAll(route->path, {{"/datasets/", "/models/"}, {"/spaces/", "/models/"}}) ==
                                              step_routes[i]->path ||
               absl::StrReplaceAll(route->path, {{"/datasets/", "/"}, {"/spaces/", "/"}}) == step_routes[i]->path)) {
            index = static_cast<int>(i);
            if (index >= last) break;
          }
        }
        EXPECT_GE(index, 0) << row.method << " (" << call << ") sent " << route->Name() << ", which is no step of it";
        if (index < 0 || !seen.insert(route).second) continue;
        EXPECT_GE(index, last) << row.method << " (" << call << ") sent " << route->Name() << " before step " << last + 1;
        last = index;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 30);
}

}  // namespace
}  // namespace hubperm
