// Copyright 2026 The hubperm Authors.

#include "policy/request/catalogue.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/common/suggest.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"

namespace hubperm {

extern const char kRoutesYaml[];  // routes.yaml, embedded by embed_text (BUILD.bazel)

namespace {

// The fields of the Hub's OpenAPI request schemas that hubperm checks bodies against.
constexpr absl::string_view kCreateFields[] = {
    "devModeEnabled", "files",   "hardware",   "license",         "license_link", "license_name", "name",
    "organization",   "private", "region",     "resourceGroupId", "sdk",          "sdkVersion",   "secrets",
    "short_description", "sleepTimeSeconds", "template", "type", "variables", "visibility", "volumes"};
constexpr absl::string_view kDeleteFields[] = {"name", "organization", "type"};  // huggingface_hub delete_repo
constexpr absl::string_view kMoveFields[] = {"fromRepo", "toRepo", "type"};
constexpr absl::string_view kSettingsFields[] = {"discussionsDisabled", "discussionsSorting",     "gated",
                                                 "gatedNotificationsEmail", "gatedNotificationsMode",
                                                 "orgMembersGated", "private", "visibility"};
constexpr absl::string_view kResourceGroupFields[] = {"resourceGroupId"};
constexpr absl::string_view kDuplicateFields[] = {"hardware", "private", "repository", "resourceGroupId", "secrets",
                                                  "sleepTimeSeconds", "variables", "visibility", "volumes"};

// The commit route's JSON form (its NDJSON lines are checked in route.cc).
constexpr absl::string_view kCommitFields[] = {"deletedEntries", "description", "files", "lfsFiles", "parentCommit",
                                               "summary"};
// The git LFS batch API's request (huggingface_hub lfs.py; @huggingface/hub sends the same).
constexpr absl::string_view kLfsBatchFields[] = {"hash_algo", "objects", "operation", "ref", "transfers"};
// lfs-files/duplicate: the Xet files of this repo to copy into `target` ({type, name}).
constexpr absl::string_view kDuplicateFilesFields[] = {"files", "target"};

struct BodyRow {
  BodyKind kind;
  absl::string_view name;
  absl::Span<const absl::string_view> fields;
};
const BodyRow kBodies[] = {
    {BodyKind::kNone, "none", {}},
    {BodyKind::kAny, "any", {}},
    {BodyKind::kCreate, "create", kCreateFields},
    {BodyKind::kDelete, "delete", kDeleteFields},
    {BodyKind::kMove, "move", kMoveFields},
    {BodyKind::kSettings, "settings", kSettingsFields},
    {BodyKind::kResourceGroup, "resource_group", kResourceGroupFields},
    {BodyKind::kDuplicate, "duplicate", kDuplicateFields},
    {BodyKind::kCommit, "commit", kCommitFields},
    {BodyKind::kLfsBatch, "lfs_batch", kLfsBatchFields},
    {BodyKind::kDuplicateFiles, "duplicate_files", kDuplicateFilesFields},
};

struct ActsOnRow {
  ActsOn on;
  absl::string_view name;
  absl::optional<TargetKind> target;  // the operation target that acts on it; nullopt: none does
};
const ActsOnRow kActsOn[] = {
    {ActsOn::kRepo, "repo", TargetKind::kRepo},
    {ActsOn::kNamespace, "namespace", TargetKind::kNamespace},
    {ActsOn::kOrg, "org", TargetKind::kOrg},
    {ActsOn::kResourceGroup, "resource_group", TargetKind::kGroup},
    {ActsOn::kUser, "user", absl::nullopt},
    {ActsOn::kNone, "none", TargetKind::kNone},
};

constexpr absl::string_view kVerbs[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
constexpr absl::string_view kRowKeys[] = {"route", "source", "on",   "as",   "user",     "token",
                                          "hf_api", "steps_of", "js", "body", "note", "unmodeled"};
constexpr absl::string_view kTopKeys[] = {"reasons", "routes"};
constexpr Evidence kEvidences[] = {Evidence::kDoc, Evidence::kSeen, Evidence::kAssumed};

absl::optional<Evidence> ParseEvidence(absl::string_view name) {
  for (Evidence e : kEvidences) {
    if (EvidenceName(e) == name) return e;
  }
  return absl::nullopt;
}

std::vector<absl::string_view> EvidenceNames() {
  std::vector<absl::string_view> names;
  for (Evidence e : kEvidences) names.push_back(EvidenceName(e));
  return names;
}

absl::optional<Operation> OperationNamed(absl::string_view name) {
  for (const OperationInfo& op : AllOperations()) {
    if (op.name == name) return op.operation;
  }
  return absl::nullopt;
}

std::vector<absl::string_view> OperationNames() {
  std::vector<absl::string_view> names;
  for (const OperationInfo& op : AllOperations()) names.push_back(op.name);
  return names;
}

template <typename Row>
std::vector<absl::string_view> NamesOfRows(absl::Span<const Row> rows) {
  std::vector<absl::string_view> names;
  for (const Row& row : rows) names.push_back(row.name);
  return names;
}

bool Has(const std::vector<std::string>& segments, absl::string_view segment) {
  return std::find(segments.begin(), segments.end(), segment) != segments.end();
}

// Reads one row; reports its problems to `d`. False when the row is unusable.
class RowReader {
 public:
  RowReader(const absl::flat_hash_map<std::string, std::string>& reasons, Diagnostics* d)
      : reasons_(reasons), d_(d), in_(d, TreeSyntax::kYaml) {}

  bool Read(const YamlNode& node, CatalogueRoute* out, absl::flat_hash_set<std::string>* used_reasons) {
    if (!in_.IsMap(node, "a route row")) return false;
    const int errors_before = d_->error_count();
    in_.CheckKeys(node, kRowKeys, "a route row");
    out->line = node.pos.line;
    const YamlNode* route = nullptr;
    const YamlNode* as = nullptr;
    const YamlNode* unmodeled = nullptr;
    const YamlNode* user = nullptr;
    const YamlNode* token = nullptr;
    const YamlNode* body = nullptr;
    const YamlNode* on = nullptr;
    for (size_t i = 0; i < node.map_size(); ++i) {
      const YamlNode& key = node.key(i);
      const YamlNode& value = node.value(i);
      const std::string& k = key.scalar;
      if (std::find(std::begin(kRowKeys), std::end(kRowKeys), k) == std::end(kRowKeys)) continue;  // reported
      if (TreeReader::EarlierKey(node, i) != nullptr) continue;  // reported: the first one counts
      if (k == "hf_api" || k == "steps_of" || k == "js") {
        ReadMethods(value, k, k == "js" ? &out->js_functions : k == "steps_of" ? &out->step_of : &out->methods);
        continue;
      }
      if (!in_.String(value, absl::StrCat("'", k, "'")).has_value()) continue;
      if (k == "route") route = &value;
      if (k == "as") as = &value;
      if (k == "unmodeled") unmodeled = &value;
      if (k == "user") user = &value;
      if (k == "token") token = &value;
      if (k == "body") body = &value;
      if (k == "on") on = &value;
      if (k == "note") out->note = value.scalar;
      if (k == "source") {
        if (value.scalar == "client") {
          out->source = RouteSource::kClient;
        } else if (value.scalar != "openapi") {
          d_->Error(value.pos, absl::StrCat("source must be openapi or client, not '", value.scalar, "'"));
        }
      }
    }
    if (route == nullptr) {
      in_.Require(node, "route", "a route row");
      return false;
    }
    ReadRoute(*route, out);
    if (on == nullptr) {
      in_.Require(node, "on", "a route row");
    } else {
      ReadOn(*on, out);
    }
    if ((as == nullptr) == (unmodeled == nullptr)) {
      d_->Error(node.pos, "a route row needs exactly one of 'as' (the operation that decides it) and 'unmodeled'");
    } else if (as != nullptr) {
      ReadOperation(*as, user, token, node.pos, out);
    } else {
      for (const YamlNode* extra : {user, token, body}) {
        if (extra != nullptr) d_->Error(extra->pos, "an unmodeled route takes no user, token or body");
      }
      auto reason = reasons_.find(unmodeled->scalar);
      if (reason == reasons_.end()) {
        std::vector<absl::string_view> keys;
        for (const auto& [key, text] : reasons_) keys.push_back(key);
        std::sort(keys.begin(), keys.end());
        d_->Error(unmodeled->pos, absl::StrCat("unknown reason '", unmodeled->scalar, "'", DidYouMean(unmodeled->scalar, keys),
                                               " (reasons: ", absl::StrJoin(keys, ", "), ")"));
      } else {
        out->unmodeled = reason->first;
        out->reason = reason->second;
        used_reasons->insert(reason->first);
      }
    }
    out->body = out->method == "GET" || out->method == "HEAD" || out->method == "DELETE" ? BodyKind::kNone : BodyKind::kAny;
    if (body != nullptr) ReadBody(*body, out);
    if (out->operation.has_value() && on != nullptr) CheckTarget(node.pos, *out);
    return d_->error_count() == errors_before;
  }

 private:
  // An hf_api or js list: names, each once.
  void ReadMethods(const YamlNode& value, absl::string_view key, std::vector<std::string>* out) {
    if (!in_.IsSequence(value, absl::StrCat("'", key, "'"))) return;
    for (const YamlNode& item : value.children) {
      if (!item.is_scalar() || item.scalar.empty()) {
        d_->Error(item.pos, absl::StrCat(key, " lists method names"));
      } else if (Has(*out, item.scalar)) {
        d_->Error(item.pos, absl::StrCat("method '", item.scalar, "' is listed twice"));
      } else {
        out->push_back(item.scalar);
      }
    }
  }

  void ReadRoute(const YamlNode& value, CatalogueRoute* out) {
    std::vector<std::string> words = absl::StrSplit(value.scalar, ' ', absl::SkipEmpty());
    if (words.size() != 2 || std::find(std::begin(kVerbs), std::end(kVerbs), words[0]) == std::end(kVerbs) ||
        !absl::StartsWith(words[1], "/")) {
      d_->Error(value.pos, absl::StrCat("route must be 'VERB /path' with VERB one of ", absl::StrJoin(kVerbs, ", "),
                                        "; got '", value.scalar, "'"));
      return;
    }
    out->method = words[0];
    out->path = words[1];
    out->segments = absl::StrSplit(absl::StripPrefix(out->path, "/"), '/');
    for (size_t i = 0; i < out->segments.size(); ++i) {
      const std::string& segment = out->segments[i];
      if (segment.empty()) d_->Error(value.pos, absl::StrCat("route '", value.scalar, "' has an empty segment"));
      if (segment == "{path}" && i + 1 != out->segments.size()) {
        d_->Error(value.pos, "{path} takes the rest of the path, so it must come last");
      }
      if (!out->type.has_value()) out->type = RepoTypeOfSegment(segment);
    }
    // A repo path without a type is a model's: the Hub's URLs drop the prefix for models only
    // (/{namespace}/{repo}/resolve/... beside /datasets/... and /spaces/...).
    if (!out->type.has_value() &&
        (absl::StartsWith(out->path, "/{namespace}/{repo}/") || absl::StartsWith(out->path, "/{namespace}/{repo}.git/"))) {
      out->type = RepoType::kModel;
    }
  }

  void ReadOn(const YamlNode& value, CatalogueRoute* out) {
    if (const ActsOnRow* row = Lookup<ActsOnRow>(kActsOn, value, "target")) out->on = row->on;
  }

  void ReadOperation(const YamlNode& as, const YamlNode* user, const YamlNode* token, SourcePos row,
                     CatalogueRoute* out) {
    out->operation = OperationNamed(as.scalar);
    if (!out->operation.has_value()) {
      const std::vector<absl::string_view> names = OperationNames();
      d_->Error(as.pos, absl::StrCat("unknown operation '", as.scalar, "'", DidYouMean(as.scalar, names),
                                     " (operations: ", absl::StrJoin(names, ", "), ")"));
    }
    auto evidence = [&](const YamlNode* node, absl::string_view side, Evidence* field) {
      if (node == nullptr) {
        d_->Error(row, absl::StrCat("a modeled route needs '", side, ": doc|seen|assumed'"));
        return;
      }
      absl::optional<Evidence> e = ParseEvidence(node->scalar);
      if (!e.has_value()) {
        d_->Error(node->pos, absl::StrCat(side, " must be doc, seen or assumed, not '", node->scalar, "'",
                                          DidYouMean(node->scalar, EvidenceNames())));
        return;
      }
      *field = *e;
    };
    evidence(user, "user", &out->user_evidence);
    evidence(token, "token", &out->token_evidence);
  }

  void ReadBody(const YamlNode& value, CatalogueRoute* out) {
    if (const BodyRow* row = Lookup<BodyRow>(kBodies, value, "body")) out->body = row->kind;
  }

  // The row of `rows` named by `value`, or null after reporting "unknown <what> ..." with the valid names.
  template <typename Row>
  const Row* Lookup(absl::Span<const Row> rows, const YamlNode& value, absl::string_view what) {
    for (const Row& row : rows) {
      if (row.name == value.scalar) return &row;
    }
    const std::vector<absl::string_view> names = NamesOfRows<Row>(rows);
    d_->Error(value.pos, absl::StrCat("unknown ", what, " '", value.scalar, "'", DidYouMean(value.scalar, names),
                                      " (valid: ", absl::StrJoin(names, ", "), ")"));
    return nullptr;
  }

  // The operation must act on what the row says, and the path (or the body) must name it.
  void CheckTarget(SourcePos pos, const CatalogueRoute& r) {
    const OperationInfo& op = GetOperationInfo(*r.operation);
    for (const ActsOnRow& row : kActsOn) {
      if (row.on == r.on && row.target != op.target) {
        d_->Error(pos, absl::StrCat(op.name, " does not act on ", row.name, ": 'on' and 'as' disagree"));
        return;
      }
    }
    const bool names_repo = Has(r.segments, "{namespace}") && (Has(r.segments, "{repo}") || Has(r.segments, "{repo}.git"));
    const bool names_org = Has(r.segments, "{name}") && Has(r.segments, "organizations");
    bool named = true;
    switch (op.target) {
      case TargetKind::kRepo:
        named = names_repo || r.body == BodyKind::kDelete || r.body == BodyKind::kMove;
        break;
      case TargetKind::kNamespace:
        named = r.body == BodyKind::kCreate;
        break;
      case TargetKind::kOrg:
        named = names_org;
        break;
      case TargetKind::kGroup:
        named = names_org && Has(r.segments, "{resourceGroupId}");
        break;
      case TargetKind::kNone:
        break;
    }
    if (!named) {
      d_->Error(pos, absl::StrCat(r.Name(), " does not name what ", op.name,
                                  " acts on (a repo needs {namespace}/{repo}, an org {name} after /organizations, "
                                  "a group {resourceGroupId} too, a new repo the create body)"));
    }
  }

  const absl::flat_hash_map<std::string, std::string>& reasons_;
  Diagnostics* d_;
  TreeReader in_;
};

}  // namespace

absl::Span<const absl::string_view> ClientNames() {
  static constexpr absl::string_view kNames[] = {"huggingface_hub", "@huggingface/hub"};
  return kNames;
}

absl::optional<Client> ParseClient(absl::string_view name) {
  if (name == "huggingface_hub" || name == "python") return Client::kPython;
  if (name == "@huggingface/hub" || name == "huggingface.js" || name == "js") return Client::kJs;
  return absl::nullopt;
}

std::vector<std::string> CatalogueRoute::CalledBy(Client client) const {
  if (client == Client::kJs) return js_functions;
  std::vector<std::string> all = methods;
  all.insert(all.end(), step_of.begin(), step_of.end());
  return all;
}

std::string CatalogueRoute::Name() const { return absl::StrCat(method, " ", path); }

bool CatalogueRoute::AnyType() const { return Has(segments, "{repoType}"); }

std::string CatalogueRoute::Where() const { return absl::StrCat("routes.yaml:", line); }

bool BodyAllows(BodyKind body, absl::string_view field) {
  if (body == BodyKind::kAny) return true;
  const absl::Span<const absl::string_view> fields = BodyFields(body);
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

absl::Span<const absl::string_view> BodyFields(BodyKind body) {
  for (const BodyRow& row : kBodies) {
    if (row.kind == body) return row.fields;
  }
  return {};
}

absl::Span<const absl::string_view> HttpVerbs() { return kVerbs; }

absl::optional<RepoType> RepoTypeOfSegment(absl::string_view segment) {
  if (segment == "models") return RepoType::kModel;
  if (segment == "datasets") return RepoType::kDataset;
  if (segment == "spaces") return RepoType::kSpace;
  return absl::nullopt;
}

absl::string_view ActsOnName(ActsOn on) {
  for (const ActsOnRow& row : kActsOn) {
    if (row.on == on) return row.name;
  }
  return "";
}

absl::StatusOr<Catalogue> Catalogue::Parse(absl::string_view text, absl::string_view file_name) {
  SourceFiles files;
  const int file = files.Add(std::string(file_name), std::string(text));
  Diagnostics d;
  absl::optional<YamlNode> root = ParseYaml(files.text(file), file, &d);
  Catalogue out;
  TreeReader in(&d, TreeSyntax::kYaml);
  if (root.has_value() && in.IsMap(*root, "the catalogue")) {
    in.CheckKeys(*root, kTopKeys, "the catalogue");
    const YamlNode* reasons = TreeReader::Find(*root, "reasons");
    const YamlNode* routes = in.Require(*root, "routes", "the catalogue");
    absl::flat_hash_map<std::string, std::string> reason_text;
    absl::flat_hash_map<std::string, SourcePos> reason_pos;
    if (reasons != nullptr && in.IsMap(*reasons, "'reasons'")) {
      for (size_t i = 0; i < reasons->map_size(); ++i) {
        if (!reasons->value(i).is_scalar() || reasons->value(i).scalar.empty()) {
          d.Error(reasons->value(i).pos, absl::StrCat("reason '", reasons->key(i).scalar, "' needs its text"));
          continue;
        }
        reason_text[reasons->key(i).scalar] = reasons->value(i).scalar;
        reason_pos[reasons->key(i).scalar] = reasons->key(i).pos;
      }
    }
    if (routes != nullptr && in.IsSequence(*routes, "'routes'")) {
      RowReader reader(reason_text, &d);
      absl::flat_hash_set<std::string> used;
      absl::flat_hash_map<std::string, int> seen;  // "VERB /path" -> line
      for (const YamlNode& row : routes->children) {
        CatalogueRoute r;
        if (!reader.Read(row, &r, &used)) continue;
        auto [it, fresh] = seen.emplace(r.Name(), r.line);
        if (!fresh) {
          d.Error(row.pos, absl::StrCat(r.Name(), " already has a row, at line ", it->second));
          continue;
        }
        out.routes_.push_back(std::move(r));
      }
      for (const auto& [key, pos] : reason_pos) {
        if (!used.contains(key)) d.Error(pos, absl::StrCat("reason '", key, "' is not used by any route"));
      }
    }
    out.reasons_ = std::move(reason_text);
  }
  if (d.has_errors()) return absl::InvalidArgumentError(d.Render(files));
  for (size_t i = 0; i < out.routes_.size(); ++i) {
    CatalogueRoute& r = out.routes_[i];
    r.index = i;
    r.takes_rest = r.segments.back() == "{path}";
    VerbIndex& verb = out.by_verb_[r.method];
    if (r.takes_rest) {
      verb.with_rest.push_back(&r);
    } else {
      if (verb.by_length.size() <= r.segments.size()) verb.by_length.resize(r.segments.size() + 1);
      verb.by_length[r.segments.size()].push_back(&r);
    }
  }
  for (size_t i = 0; i < out.routes_.size(); ++i) {
    for (const std::string& m : out.routes_[i].methods) {
      std::vector<size_t>& rows = out.by_method_[m];
      if (rows.empty()) out.method_names_.push_back(m);
      rows.push_back(i);
    }
  }
  return out;
}

absl::string_view Catalogue::Reason(absl::string_view key) const {
  auto it = reasons_.find(key);
  return it == reasons_.end() ? absl::string_view() : absl::string_view(it->second);
}

std::vector<const CatalogueRoute*> Catalogue::RoutesOfMethod(absl::string_view method) const {
  std::vector<const CatalogueRoute*> out;
  auto it = by_method_.find(method);
  if (it == by_method_.end()) return out;
  for (size_t i : it->second) out.push_back(&routes_[i]);
  return out;
}

std::pair<absl::Span<const CatalogueRoute* const>, absl::Span<const CatalogueRoute* const>> Catalogue::Candidates(
    absl::string_view verb, size_t segments) const {
  auto it = by_verb_.find(verb);
  if (it == by_verb_.end()) return {};
  const VerbIndex& index = it->second;
  absl::Span<const CatalogueRoute* const> exact;
  if (segments < index.by_length.size()) exact = index.by_length[segments];
  return {exact, index.with_rest};
}

const Catalogue& BuiltinCatalogue() {
  static const Catalogue* const catalogue = [] {
    absl::StatusOr<Catalogue> parsed = Catalogue::Parse(kRoutesYaml, "policy/request/routes.yaml");
    if (!parsed.ok()) {
      // Only a build whose catalogue_test failed can get here.
      std::fprintf(stderr, "hubperm: the built-in route catalogue is invalid:\n%s\n",
                   std::string(parsed.status().message()).c_str());
      std::abort();
    }
    return new Catalogue(*std::move(parsed));
  }();
  return *catalogue;
}

}  // namespace hubperm
