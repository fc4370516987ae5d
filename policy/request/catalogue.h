// Copyright 2026 The hubperm Authors.
//
// policy/request/catalogue.h: the route catalogue, every route of the Hub's API as data.
//
// routes.yaml (beside this file, built into the binary) has one row per operation of the Hub's OpenAPI
// description, plus the routes huggingface_hub calls that the description lacks. Each row says what the
// route acts on, which operation of policy/model/operation.h decides it (or why hubperm does not model
// it), how sure that is for this route, and the huggingface_hub methods that call it. The HTTP form
// (route.h) matches requests against these rows and the method form (method.h) looks methods up in them.
//
//   const Catalogue& routes = BuiltinCatalogue();
//   for (const CatalogueRoute& r : routes.routes()) ...   // in file order
//   routes.RoutesOfMethod("upload_file");                 // the commit routes of each repo type

#ifndef HUBPERM_POLICY_REQUEST_CATALOGUE_H_
#define HUBPERM_POLICY_REQUEST_CATALOGUE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "policy/model/operation.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// The Hub's two official clients, whose calls the catalogue lists (hf_api, js) and testdata/clients/
// records.
enum class Client : uint8_t { kPython, kJs };
// "huggingface_hub", "@huggingface/hub": the names ParseClient reads (also python, js).
absl::Span<const absl::string_view> ClientNames();
absl::optional<Client> ParseClient(absl::string_view name);

// Where a row comes from: the Hub's OpenAPI description, or huggingface_hub's code alone.
enum class RouteSource : uint8_t { kOpenApi, kClient };

// What a route acts on.
enum class ActsOn : uint8_t { kRepo, kNamespace, kOrg, kResourceGroup, kUser, kNone };

// What a route's body may hold: nothing, anything (not checked), or the fields of one OpenAPI schema
// (a commit's JSON fields or NDJSON lines; the LFS batch API's request).
enum class BodyKind : uint8_t {
  kNone, kAny, kCreate, kDelete, kMove, kSettings, kResourceGroup, kDuplicate, kCommit, kLfsBatch, kDuplicateFiles
};

struct CatalogueRoute {
  std::string method;  // "GET"
  std::string path;    // "/api/models/{namespace}/{repo}/tree/{rev}/{path}"
  std::vector<std::string> segments;  // the path's segments
  RouteSource source = RouteSource::kOpenApi;
  ActsOn on = ActsOn::kNone;
  // How hubperm decides it; nullopt when it does not model the route (then `reason` says why).
  absl::optional<Operation> operation;
  std::string unmodeled;  // the reason's key ("billing"), "" when modeled
  std::string reason;     // the reason's text
  Evidence user_evidence = Evidence::kAssumed;
  Evidence token_evidence = Evidence::kAssumed;
  // huggingface_hub HfApi methods whose request this is (the --operation form decides them as this row):
  // "upload_file", "auth_check(write=True)".
  std::vector<std::string> methods;
  // huggingface_hub methods that send this request as one step of several (upload_folder's preupload).
  std::vector<std::string> step_of;
  std::vector<std::string> js_functions;  // @huggingface/hub functions: "uploadFiles"
  BodyKind body = BodyKind::kNone;
  std::string note;
  // The repo type a literal models/datasets/spaces segment fixes (a path that starts with
  // /{namespace}/{repo}/ is a model's); nullopt: {repoType}, or no repo.
  absl::optional<RepoType> type;
  int line = 0;  // in routes.yaml
  size_t index = 0;               // in file order
  bool takes_rest = false;        // the path ends in {path}: it matches any number of further segments

  // "GET /api/models/{namespace}/{repo}/tree/{rev}/{path}"
  std::string Name() const;
  // The methods (huggingface_hub: `methods`, then `step_of`) or functions (@huggingface/hub) of `client`
  // that send this request.
  std::vector<std::string> CalledBy(Client client) const;
  // Whether the path has {repoType}: the route serves every repo type.
  bool AnyType() const;
  // "routes.yaml:123"
  std::string Where() const;
};

// Whether `body` may hold `field`: the OpenAPI schema's fields (every field for kAny, none for kNone).
bool BodyAllows(BodyKind body, absl::string_view field);
// The schema's fields, in order (none for kAny and kNone).
absl::Span<const absl::string_view> BodyFields(BodyKind body);

// The HTTP verbs a route may have: GET, HEAD, POST, PUT, PATCH, DELETE.
absl::Span<const absl::string_view> HttpVerbs();

// The repo type a path segment names: models, datasets or spaces; nullopt for any other segment.
absl::optional<RepoType> RepoTypeOfSegment(absl::string_view segment);

// "repo", "namespace", "org", "resource_group", "user" or "none", as routes.yaml spells it.
absl::string_view ActsOnName(ActsOn on);

class Catalogue {
 public:
  // Parses and checks a catalogue; on error, every problem as "file:line:col: error: message".
  static absl::StatusOr<Catalogue> Parse(absl::string_view text, absl::string_view file_name);

  const std::vector<CatalogueRoute>& routes() const { return routes_; }
  // The rows that list `method` (exactly as written: "auth_check(write=True)"), in file order.
  std::vector<const CatalogueRoute*> RoutesOfMethod(absl::string_view method) const;
  // Every method name, once each, in file order.
  const std::vector<std::string>& methods() const { return method_names_; }
  // The words of the reason `key` ("buckets"), or "" for an unknown key.
  absl::string_view Reason(absl::string_view key) const;
  // The rows of `verb` that can match a path of `segments` segments: those with exactly that many, then
  // those ending in {path} that are not longer. Each list is in file order.
  std::pair<absl::Span<const CatalogueRoute* const>, absl::Span<const CatalogueRoute* const>> Candidates(
      absl::string_view verb, size_t segments) const;

 private:
  struct VerbIndex {
    std::vector<std::vector<const CatalogueRoute*>> by_length;  // rows without {path}, by segment count
    std::vector<const CatalogueRoute*> with_rest;              // rows ending in {path}
  };
  std::vector<CatalogueRoute> routes_;
  absl::flat_hash_map<std::string, VerbIndex> by_verb_;
  std::vector<std::string> method_names_;
  absl::flat_hash_map<std::string, std::string> reasons_;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_method_;
};

// The catalogue built into the binary (routes.yaml). //policy/request:catalogue_test proves it parses,
// so it always does in a tested build.
const Catalogue& BuiltinCatalogue();

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_CATALOGUE_H_
